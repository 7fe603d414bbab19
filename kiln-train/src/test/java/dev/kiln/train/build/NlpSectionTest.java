package dev.kiln.train.build;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.config.Section;
import dev.kiln.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** spaCy's {@code [nlp]} settings are used, harmless, or refused: none is silently ignored. */
class NlpSectionTest {
  private static Section root(String nlp) {
    return Config.parse("[nlp]\n" + nlp, "config.cfg").interpolate().root();
  }

  @Test
  void spacysDefaultNlpSectionIsAccepted() {
    Section root = root("""
        lang = "en"
        pipeline = ["tok2vec","ner"]
        batch_size = 1000
        disabled = []
        before_creation = null
        after_creation = null
        after_pipeline_creation = null

        [nlp.tokenizer]
        @tokenizers = "spacy.Tokenizer.v1"
        """);

    assertThatCode(() -> NlpSection.check(root, "config.cfg")).doesNotThrowAnyException();
  }

  @Test
  void aDisabledComponentIsRefusedRatherThanTrained() {
    Section root = root("pipeline = [\"textcat\"]\ndisabled = [\"textcat\"]\n");

    assertThatThrownBy(() -> NlpSection.check(root, "config.cfg"))
        .hasMessageStartingWith("[E268] config.cfg: [nlp] disabled = [textcat]: kiln trains and runs every component")
        .hasMessageEndingWith("Remove it, or set it to [].");
  }

  @Test
  void aCreationCallbackIsRefused() {
    Section root = root("pipeline = []\n\n[nlp.after_pipeline_creation]\n@callbacks = \"my_callback.v1\"\n");

    assertThatThrownBy(() -> NlpSection.check(root, "config.cfg"))
        .hasMessageStartingWith("[E268] config.cfg: [nlp] after_pipeline_creation = a section: kiln has no callbacks")
        .hasMessageEndingWith("Remove it, or set it to null.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pipeline = null|null",
      "pipeline = \"tagger\"|\"tagger\"",
      "pipeline = [\"tok2vec\", null]|[tok2vec, null]",
      "pipeline = [\"tok2vec\", 3]|[tok2vec, 3]"})
  void aPipelineThatIsNoListOfNamesIsRefusedRatherThanTakenAsEveryComponent(String written, String shown) {
    Section root = root(written + "\n");

    assertThatThrownBy(() -> NlpSection.check(root, "config.cfg"))
        .hasMessageStartingWith("[E290] config.cfg: [nlp] pipeline = " + shown + ": it must be a list of the names");
  }

  @Test
  void aMisspeltKeyIsNamedWithTheKeyItResembles() {
    Section root = root("pipline = [\"textcat\"]\n");

    assertThatThrownBy(() -> NlpSection.check(root, "config.cfg"))
        .hasMessageStartingWith("[E269] config.cfg: [nlp] has no setting \"pipline\".")
        .hasMessageContaining("\"pipeline\"");
  }

  @Test
  void fillingATrainingConfigChecksItsNlpSection() {
    Config config = Config.parse("[nlp]\npipeline = []\ndisabled = [\"textcat\"]\n", "config.cfg");

    assertThatThrownBy(() -> TrainingConfig.fill(config, Registries.load())).hasMessageStartingWith("[E268] config.cfg: [nlp] disabled");
  }
}
