package dev.kiln.text.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Section;
import dev.kiln.train.ScoreWeights;
import dev.kiln.train.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickstartConfigTest {
  private static final Registries REGISTRIES = Registries.load();

  private static Section root(String generated) {
    return Config.parse(generated, "test").root();
  }

  @Test
  void scoreWeightsAreNormalisedToSumToOneAndRoundedAsSpacyDoes() {
    Map<String, Double> weights = ScoreWeights.combine(List.of(Pipe.TEXTCAT.defaultScoreWeights(),
        Pipe.TAGGER.defaultScoreWeights(), Pipe.NER.defaultScoreWeights()), Map.of());
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("cats_score", 0.33);
    expected.put("tag_acc", 0.33);
    expected.put("ents_f", 0.33);
    expected.put("ents_p", 0.0);
    expected.put("ents_r", 0.0);
    expected.put("ents_per_type", null);
    assertThat(weights).containsExactlyEntriesOf(expected);
    // textcat and textcat_multilabel report the same cats_score: it is counted once.
    assertThat(ScoreWeights.combine(List.of(Pipe.TEXTCAT.defaultScoreWeights(),
        Pipe.TEXTCAT_MULTILABEL.defaultScoreWeights(), Pipe.SENTENCIZER.defaultScoreWeights()), Map.of()))
        .containsExactly(Map.entry("cats_score", 0.5), Map.entry("sents_f", 0.5), Map.entry("sents_p", 0.0),
            Map.entry("sents_r", 0.0));
  }

  @Test
  void aSharedTok2vecComesFirstWhenAComponentListens() {
    Section efficiency = root(QuickstartConfig.parse("textcat,tagger", "efficiency", "en").generate(REGISTRIES));
    assertThat(efficiency.section("nlp").orElseThrow().get("pipeline")).isEqualTo(List.of("tok2vec", "textcat", "tagger"));
    Section tok2vec = efficiency.section("components").flatMap(c -> c.section("tok2vec")).flatMap(t -> t.section("model"))
        .orElseThrow();
    assertThat(List.of(tok2vec.get("width"), tok2vec.get("depth"), tok2vec.get("embed_size"))).containsExactly(96L, 4L, 2000L);
    Section bagOfWords = root(QuickstartConfig.parse("textcat_multilabel", "efficiency", "en").generate(REGISTRIES));
    assertThat(bagOfWords.section("components").orElseThrow().keys()).containsExactly("textcat_multilabel");
    Section accuracy = root(QuickstartConfig.parse("textcat_multilabel", "accuracy", "de").generate(REGISTRIES));
    assertThat(accuracy.section("nlp").orElseThrow().get("pipeline")).isEqualTo(List.of("tok2vec", "textcat_multilabel"));
    assertThat(accuracy.section("nlp").orElseThrow().get("lang")).isEqualTo("de");
  }

  /** No hidden defaults: filling a generated config whose functions are all registered changes nothing. */
  @Test
  void fillingAGeneratedConfigAddsNothingWhereEverythingIsRegistered() {
    int checked = 0;
    for (List<Pipe> pipes : subsets(List.of(Pipe.values()))) {
      if (pipes.equals(List.of(Pipe.SENTENCIZER))) {
        continue; // refused: nothing to train (E343)
      }
      for (Optimize optimize : Optimize.values()) {
        QuickstartConfig request = new QuickstartConfig(pipes, optimize, "en");
        if (request.registeredPipes(REGISTRIES).size() < pipes.size()) {
          continue;
        }
        String generated = request.generate(REGISTRIES);
        String withoutHeader = generated.substring(generated.indexOf("[paths]"));
        assertThat(TrainingConfig.fill(Config.parse(generated, "test"), REGISTRIES).text()).as(pipes + " " + optimize)
            .isEqualTo(withoutHeader);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(7);
  }

  @Test
  void badRequestsAreCodedErrors() {
    assertThatThrownBy(() -> QuickstartConfig.parse("textcat,taggr", "efficiency", "en")).isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E339] \"taggr\" is not a component kiln init config knows. Did you mean \"tagger\"?");
    assertThatThrownBy(() -> QuickstartConfig.parse(",", "efficiency", "en")).hasMessageStartingWith("[E340]");
    assertThatThrownBy(() -> QuickstartConfig.parse("ner", "efficiency", "English")).hasMessageStartingWith("[E342]");
  }

  private static List<List<Pipe>> subsets(List<Pipe> all) {
    List<List<Pipe>> subsets = new ArrayList<>();
    for (int mask = 1; mask < 1 << all.size(); mask++) {
      List<Pipe> subset = new ArrayList<>();
      for (int k = 0; k < all.size(); k++) {
        if ((mask & 1 << k) != 0) {
          subset.add(all.get(k));
        }
      }
      subsets.add(subset);
    }
    return subsets;
  }
}
