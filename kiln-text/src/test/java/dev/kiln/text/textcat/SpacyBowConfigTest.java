package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.text.Doc;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import org.junit.jupiter.api.Test;

/** The textcat sections spaCy's generated configs hold (bag of n-grams v3 since 3.7, scorer) build as written. */
class SpacyBowConfigTest {
  private static Pipeline<Doc> build(String architecture, boolean noOutputLayer) {
    return build(architecture, noOutputLayer, "spacy.textcat_scorer.v2");
  }

  private static Pipeline<Doc> build(String architecture, boolean noOutputLayer, String scorer) {
    String text = """
        [components]

        [components.textcat]
        factory = "textcat"
        scorer = {"@scorers":"%s"}
        threshold = 0.0

        [components.textcat.model]
        @architectures = "%s"
        exclusive_classes = true
        length = 262144
        ngram_size = 1
        no_output_layer = %s
        nO = null
        """.formatted(scorer, architecture, noOutputLayer);
    return PipelineBuilder.build(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
  }

  @Test
  void spacysGeneratedV3AndV2SectionsBuildATextcat() {
    assertThat(build("spacy.TextCatBOW.v3", false).component("textcat")).isInstanceOf(TextCategorizer.class);
    assertThat(build("spacy.TextCatBOW.v2", false).component("textcat")).isInstanceOf(TextCategorizer.class);
  }

  @Test
  void spacysDefaultScorerIsAcceptedAndAnotherRefused() {
    assertThat(build("spacy.TextCatBOW.v3", false, "spacy.textcat_scorer.v1").component("textcat")).isNotNull();
    assertThatThrownBy(() -> build("spacy.TextCatBOW.v3", false, "my.scorer.v1"))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E266] component textcat: scorer \"my.scorer.v1\" is not how kiln's textcat component scores.");
  }

  @Test
  void rawScoresWithoutAnOutputLayerAreRefusedAtTheirLine() {
    assertThatThrownBy(() -> build("spacy.TextCatBOW.v3", true))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("line 13: [E085] no_output_layer = true");
  }
}
