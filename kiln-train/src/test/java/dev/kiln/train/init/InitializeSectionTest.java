package dev.kiln.train.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.train.Component;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import dev.kiln.train.Trainable;
import dev.kiln.train.vectors.Classifier;
import dev.kiln.train.vectors.VectorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [initialize]} is checked against the pipeline, and nothing in it is silently ignored. */
class InitializeSectionTest {
  private static final Registries REGISTRIES = Registries.load();

  @TempDir Path dir;

  /** A trainable component without labels, as a tok2vec is. */
  private record Unlabelled(String name) implements Trainable<Datum> {
    @Override
    public void initialize(Supplier<Iterable<Example<Datum>>> examples, long seed) {}

    @Override
    public void update(List<Example<Datum>> batch, double dropout, LossTotals losses) {}

    @Override
    public void finishUpdate(Optimizer optimizer) {}

    @Override
    public ParamsSwap useParams(Map<String, float[]> averages) {
      return () -> {};
    }
  }

  private static final List<Component<?>> PIPELINE =
      List.of(new Unlabelled("tok2vec"), VectorRegistry.classifier("classifier", null));

  private static InitializeSection section(String text) {
    return InitializeSection.of(Config.parse(text, "config.cfg").interpolate().root(), "config.cfg");
  }

  private static void check(String text) {
    section(text).check(PIPELINE, Map.of(), REGISTRIES);
  }

  /** {@code sections} under [initialize.components], which config sections must nest in. */
  private static String components(String sections) {
    return "[initialize]\n\n[initialize.components]\n\n" + sections;
  }

  @Test
  void spacysDefaultInitializeBlockIsAccepted() {
    assertThatCode(() -> check("""
        [paths]
        vectors = null
        init_tok2vec = null

        [initialize]
        vectors = ${paths.vectors}
        init_tok2vec = ${paths.init_tok2vec}
        vocab_data = null
        lookups = null
        before_init = null
        after_init = null

        [initialize.components]

        [initialize.tokenizer]
        """)).doesNotThrowAnyException();
  }

  @Test
  void aSpacySettingKilnCannotActOnIsAnErrorSayingWhyUnlessItIsEmpty() {
    assertThatThrownBy(() -> check("[initialize]\nvectors = \"en_core_web_lg\"\n"))
        .isInstanceOf(KilnException.class)
        .hasMessage("[E255] config.cfg: [initialize] vectors = \"en_core_web_lg\": kiln does not support static word"
            + " vectors yet, so it has none to load. Remove it, or set it to null.");
    assertThatThrownBy(() -> check("[initialize]\ninit_tok2vec = \"weights.bin\"\n"))
        .hasMessageStartingWith("[E255] config.cfg: [initialize] init_tok2vec = \"weights.bin\": kiln cannot load"
            + " pretrained tok2vec weights");
    assertThatThrownBy(() -> check("[initialize]\n\n[initialize.lookups]\n@misc = \"spacy.LookupsDataLoader.v1\"\n"))
        .hasMessageStartingWith("[E255] config.cfg: [initialize] lookups = a section with @misc:");
    assertThatThrownBy(() -> check("[initialize]\ntokenizer = {\"lowercase\": true}\n"))
        .hasMessageStartingWith("[E255] config.cfg: [initialize] tokenizer = {\"lowercase\":true}: kiln's tokenizer"
            + " takes no settings");
  }

  @Test
  void anUnknownKeyIsAnErrorWithASuggestion() {
    assertThatThrownBy(() -> check("[initialize]\nbefore_int = null\n"))
        .hasMessageStartingWith("[E256] config.cfg: [initialize] has no setting \"before_int\". Did you mean"
            + " \"before_init\"? It takes before_init, after_init and components");
  }

  @Test
  void aComponentSectionMustNameAComponentOfThePipeline() {
    assertThatThrownBy(() -> check(components("[initialize.components.clasifier]\n")))
        .hasMessage("[E257] config.cfg: [initialize.components.clasifier] names a component that is not in the"
            + " pipeline (tok2vec, classifier). Did you mean \"classifier\"? Fix the name, or remove the section.");
  }

  @Test
  void aComponentTakesOnlyTheSettingsItsInitializeTakes() {
    assertThatThrownBy(() -> check(components("[initialize.components.tok2vec]\nlabels = [\"A\"]\n")))
        .hasMessage("[E258] config.cfg: [initialize.components.tok2vec] labels: component tok2vec takes no such"
            + " setting at initialize (it takes no settings). Remove it.");
    assertThatThrownBy(() -> check(components("[initialize.components.classifier]\nlabel = [\"A\"]\n")))
        .hasMessageContaining("(it takes labels). Remove it.");
    assertThatThrownBy(() -> check(components("[initialize.components.classifier]\npositive_label = \"A\"\n")))
        .hasMessageEndingWith("kiln takes positive_label in [components.classifier], where it is saved with the"
            + " component: move it there.");
  }

  @Test
  void labelsOfAComponentThatIsNotInitializedAreAnErrorSayingWhy() {
    InitializeSection section = section(components("[initialize.components.classifier]\nlabels = [\"A\"]\n"));

    assertThatThrownBy(() -> section.check(PIPELINE, Map.of("classifier", "it is sourced from a trained pipeline"),
        REGISTRIES))
        .hasMessage("[E259] config.cfg: [initialize.components.classifier] gives settings for component classifier,"
            + " but it is sourced from a trained pipeline, so it is not initialized and keeps the labels it has."
            + " Remove [initialize.components.classifier].");
  }

  @Test
  void labelsMustBeANonEmptyListOfNamesOrALabelsReader() {
    assertThatThrownBy(() -> check(components("[initialize.components.classifier]\nlabels = []\n")))
        .hasMessageStartingWith("[E260] config.cfg: [initialize.components.classifier] labels must be a non-empty list"
            + " of label names or a call of a labels reader, found an empty list.");
    assertThatThrownBy(() -> check(components("[initialize.components.classifier]\nlabels = [\"A\", 1]\n")))
        .hasMessageContaining("found [\"A\",1].");
    assertThatThrownBy(() -> check(components("[initialize.components.classifier]\nlabels = \"A\"\n")))
        .hasMessageContaining("found \"A\".");
    assertThatThrownBy(() -> check(components("""
        [initialize.components.classifier]

        [initialize.components.classifier.labels]
        @readers = "kiln.LabeledJsonl.v1"
        path = "labels.json"
        """)))
        .hasMessageContaining("found a call of kiln.LabeledJsonl.v1, which gives a Corpus.");
    assertThatCode(() -> check(components("[initialize.components.classifier]\nlabels = null\n")))
        .doesNotThrowAnyException();
  }

  @Test
  void resolvingGivesEachComponentItsLabelsAndCollectsTheRestFromTheData() throws IOException {
    Path file = Files.writeString(dir.resolve("classifier.json"), "[\"b\", \"a\"]");
    InitializeSettings listed =
        section(components("[initialize.components.classifier]\nlabels = [\"y\", \"x\"]\n")).resolve(REGISTRIES);
    InitializeSettings read = section(components("""
        [initialize.components.classifier]

        [initialize.components.classifier.labels]
        @readers = "kiln.read_labels.v1"
        path = "%s"
        """.formatted(file))).resolve(REGISTRIES);

    assertThat(listed.labelsOf("classifier"))
        .isEqualTo(LabelSource.given(List.of("x", "y"), "[initialize.components.classifier] labels"));
    assertThat(read.labelsOf("classifier")).isEqualTo(LabelSource.given(List.of("a", "b"), file.toString()));
    assertThat(read.labelsOf("tok2vec")).isEqualTo(LabelSource.fromData());
    assertThat(section("").resolve(REGISTRIES)).isEqualTo(InitializeSettings.NONE);
  }

  @Test
  void aConfigWithoutInitializeChecksAsNothingGiven() {
    assertThatCode(() -> check("[nlp]\npipeline = []\n")).doesNotThrowAnyException();
    assertThat(Classifier.class).isAssignableTo(dev.kiln.train.Labelled.class);
  }
}
