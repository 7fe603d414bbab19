package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigCommandsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String OPTIMIZER = String.join("\n",
      "[hyper]",
      "lr = 0.01",
      "",
      "[optimizer]",
      "@optimizers = \"Adam.v1\"",
      "learn_rate = ${hyper.lr}",
      "",
      "[optimizer.beta1]",
      "@schedules = \"constant.v1\"",
      "rate = 0.8",
      "");

  @Test
  void showPrintsInterpolatedJsonWithOverridesApplied() throws IOException {
    Path config = write("c.cfg", OPTIMIZER);
    KilnRun run = KilnRun.of("config", "show", config.toString(), "--interpolate", "--format", "json", "--hyper.lr", "0.5");
    assertThat(run.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/optimizer/learn_rate").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/optimizer/beta1/@schedules").asText()).isEqualTo("constant.v1");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void showWithoutInterpolationKeepsReferences() throws IOException {
    KilnRun run = KilnRun.of("config", "show", write("c.cfg", OPTIMIZER).toString());
    assertThat(run.out()).contains("learn_rate = ${hyper.lr}");
  }

  @Test
  void fillConfigWritesDefaultsAndKeepsReferences() throws IOException {
    Path out = dir.resolve("filled.cfg");
    KilnRun run = KilnRun.of("init", "fill-config", write("c.cfg", OPTIMIZER).toString(), out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String filled = Files.readString(out);
    assertThat(filled).contains("learn_rate = ${hyper.lr}", "beta2 = 0.999", "grad_clip = 1.0", "use_averages = true");
    assertThat(KilnRun.of("debug", "config", out.toString()).exit()).isZero();
  }

  @Test
  void fillConfigGivesAConfigWithoutBatcherOrOptimizerSpacysDefaultsAndItTrains() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    String text = Files.readString(config);
    String bare = text.substring(0, text.indexOf("[training.batcher]")) + text.substring(text.indexOf("[training.logger]"));
    Files.writeString(config, bare);
    Path filled = dir.resolve("filled.cfg");
    KilnRun fill = KilnRun.of("init", "fill-config", config.toString(), filled.toString());
    assertThat(fill.exit()).as(fill.err()).isZero();
    assertThat(Files.readString(filled)).contains("[training.batcher]\n@batchers = \"spacy.batch_by_words.v1\"",
        "[training.batcher.size]\n@schedules = \"compounding.v1\"\nstart = 100\nstop = 1000\ncompound = 1.001",
        "[training.optimizer]\n@optimizers = \"Adam.v1\"\nbeta1 = 0.9\nbeta2 = 0.999\nL2_is_weight_decay = true\nL2 = 0.01\n"
            + "grad_clip = 1.0\nuse_averages = false\neps = 1e-08\nlearn_rate = 0.001");
    KilnRun train = KilnRun.of("train", filled.toString(), "--output", dir.resolve("run").toString());
    assertThat(train.exit()).as(train.err()).isZero();
  }

  @Test
  void aTrainingCallOfTheDefaultsFunctionTakesTheDefaultsOtherArgumentsAsSpacyMergesThem() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    String text = Files.readString(config);
    String partial = text.substring(0, text.indexOf("[training.batcher]"))
        + "[training.batcher]\n@batchers = \"spacy.batch_by_words.v1\"\n\n"
        + "[training.optimizer]\n@optimizers = \"Adam.v1\"\nlearn_rate = 0.01\n\n"
        + text.substring(text.indexOf("[training.logger]"));
    Files.writeString(config, partial);
    KilnRun fill = KilnRun.of("init", "fill-config", config.toString(), "-");
    assertThat(fill.exit()).as(fill.err()).isZero();
    assertThat(fill.out()).contains(
        "[training.batcher]\n@batchers = \"spacy.batch_by_words.v1\"\ndiscard_oversize = false\ntolerance = 0.2\n",
        "[training.batcher.size]\n@schedules = \"compounding.v1\"\nstart = 100\nstop = 1000\ncompound = 1.001",
        "[training.optimizer]\n@optimizers = \"Adam.v1\"\nlearn_rate = 0.01\nbeta1 = 0.9\nbeta2 = 0.999\n"
            + "L2_is_weight_decay = true\nL2 = 0.01\ngrad_clip = 1.0\nuse_averages = false\neps = 1e-08");

    Files.writeString(config, partial.replace("@optimizers = \"Adam.v1\"", "@optimizers = \"SGD.v1\""));
    KilnRun other = KilnRun.of("init", "fill-config", config.toString(), "-");
    assertThat(other.exit()).as(other.err()).isZero();
    assertThat(other.out()).as("another function keeps its own defaults")
        .contains("[training.optimizer]\n@optimizers = \"SGD.v1\"\nlearn_rate = 0.01\nL2 = 0.0");
  }

  @Test
  void debugConfigListsFunctionsAndVariables() throws IOException {
    KilnRun run = KilnRun.of("debug", "config", write("c.cfg", OPTIMIZER).toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("optimizer  @optimizers = Adam.v1  (dev.kiln.nn.optimizers.Optimizers.adam)")
        .contains("optimizer -> beta1  @schedules = constant.v1")
        .contains("optimizer -> learn_rate = ${hyper.lr}  ->  0.01");
  }

  @Test
  void registryListShowsACategory() {
    KilnRun run = KilnRun.of("registry", "list", "optimizers");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("@optimizers (3)\n").contains("  Adam.v1  ", "  RAdam.v1  ", "  SGD.v1  ");
    assertThat(KilnRun.of("registry", "list", "optimisers").err()).startsWith("[E040]");
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(KilnRun.of("--version").out()).startsWith("kiln 0.");
  }

  /** The inputs the foundation issue lists: each exits 2 with one coded message naming where. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      reference to a missing key | [a]\\nx = ${a.y}\\n | show | E020 | line 2
      unterminated section       | [a\\nx = 1\\n | show | E002 | line 1
      key before any section     | x = 1\\n[a]\\n | show | E001 | line 1
      duplicate key              | [a]\\nx = 1\\nx = 2\\n | show | E003 | line 3
      duplicate section          | [a]\\nx = 1\\n[a]\\ny = 2\\n | show | E004 | line 3
      unknown registered name    | [s]\\n@schedules = "compuonding.v1"\\nstart = 1\\n | debug | E042 | Did you mean "compounding.v1"?
      wrong type                 | [o]\\n@optimizers = "Adam.v1"\\nuse_averages = "sometimes"\\n | debug | E042 | o -> use_averages
      missing required argument  | [s]\\n@schedules = "constant.v1"\\n | debug | E042 | s -> rate
      unknown argument           | [s]\\n@schedules = "constant.v1"\\nrate = 1\\nspeed = 2\\n | debug | E042 | s -> speed
      """)
  void badConfigsExitTwoWithOneCodedMessage(String what, String text, String command, String code, String where)
      throws IOException {
    Path config = write("bad.cfg", text.replace("\\n", "\n"));
    KilnRun run = command.equals("show")
        ? KilnRun.of("config", "show", config.toString(), "--interpolate")
        : KilnRun.of("debug", "config", config.toString());
    assertThat(run.exit()).as(what).isEqualTo(2);
    assertThat(run.err()).as(what).startsWith("[" + code + "]").contains(where).doesNotContain("\tat ");
    assertThat(run.out()).as(what).isEmpty();
  }

  @Test
  void debugConfigTakesTheOverridesTrainTakesIncludingKeysLeftToTheirDefault() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    assertThat(Files.readString(config)).doesNotContain("limit");
    KilnRun run = KilnRun.of("debug", "config", config.toString(), "--corpora.train.limit", "5");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Config is valid");
  }

  /** debug config refuses what kiln train would refuse before reading data, not only what resolving finds. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      eval_frequency = 0 | eval_frequency = 5 | eval_frequency = 0 | [E208] [training] eval_frequency = 0
      a mistyped corpus  | [training]\\n | [training]\\ntrain_corpus = "corpora.trian"\\n | [E223] train_corpus = "corpora.trian" names nothing
      a mistyped factory | factory = "kiln.classifier" | factory = "clasifier" | [E227] [components.classifier] factory = "clasifier" is not a factory kiln knows
      a frozen component that is not there | [training]\\n | [training]\\nfrozen_components = ["tagger"]\\n | [E222]
      """)
  void debugConfigFindsWhatTrainWouldRefuse(String what, String find, String replace, String message) throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    assertThat(KilnRun.of("debug", "config", config.toString()).exit()).as(what).isZero();
    String text = Files.readString(config);
    String original = find.replace("\\n", "\n");
    assertThat(text).as(what).contains(original);
    Files.writeString(config, text.replace(original, replace.replace("\\n", "\n")));
    KilnRun run = KilnRun.of("debug", "config", config.toString());
    assertThat(run.exit()).as(what).isEqualTo(2);
    assertThat(run.err()).as(what).contains(message);
  }

  @Test
  void showRefusesAPluginThatCannotBeLoadedAsOtherCommandsDo() throws IOException {
    KilnRun run = KilnRun.of("config", "show", write("c.cfg", OPTIMIZER).toString(), "--code", dir.resolve("none.jar").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E044]");
  }

  @Test
  void anOverrideOfAMissingKeyExitsTwo() throws IOException {
    KilnRun run = KilnRun.of("config", "show", write("c.cfg", OPTIMIZER).toString(), "--hyper.learn_rate", "1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E024] override hyper.learn_rate: there is no such key").contains("keys in [hyper]: lr");
  }

  @Test
  void aMissingConfigFileExitsTwo() {
    KilnRun run = KilnRun.of("config", "show", dir.resolve("nope.cfg").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E080]");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(KilnRun.of("bake").exit()).isEqualTo(2);
  }
}
