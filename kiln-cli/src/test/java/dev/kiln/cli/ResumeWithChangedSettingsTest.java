package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Train longer": a run resumed with a larger max_steps, max_epochs or patience, without
 * --resume-force, ends byte-identical to a run trained with the new setting from the start; a
 * setting that would have stopped the run earlier, or that changes the steps taken, is refused.
 */
class ResumeWithChangedSettingsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"spam", "fashion-mnist-small", "tagger"})
  void aRunResumedWithALargerMaxStepsEndsAsARunTrainedThatLongFromTheStart(String example) throws IOException {
    Path config = Files.writeString(dir.resolve("config.cfg"), Files.readString(ROOT.resolve("examples/" + example + "/config.cfg"))
        .replace("\"examples/", "\"" + ROOT.resolve("examples") + "/"));
    Path resumed = dir.resolve("resumed");
    Path straight = dir.resolve("straight");
    train(config, straight, "--training.max_steps", "120");
    train(config, resumed, "--training.max_steps", "60");
    KilnRun longer = train(config, resumed, "--resume", "--training.max_steps", "120");
    assertThat(longer.out()).contains("Resuming with changed settings, which leave the steps already taken as they are:"
        + " training.max_steps: 60 -> 120").contains("Stopped: max_steps: step 120");
    assertSameTraining(resumed, straight);

    KilnRun again = train(config, resumed, "--resume", "--training.max_steps", "120");
    assertThat(again.out()).as("model-last records the new config").doesNotContain("changed settings");
  }

  @Test
  void aRunThatRanOutOfEpochsResumedWithMoreEndsAsARunWithThemFromTheStart() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 0);
    train(config, dir.resolve("straight"), "--training.max_epochs", "4");
    train(config, dir.resolve("resumed"), "--training.max_epochs", "2");
    KilnRun longer = train(config, dir.resolve("resumed"), "--resume", "--training.max_epochs", "4");
    assertThat(longer.out()).contains("training.max_epochs: 2 -> 4").contains("Stopped: max_epochs");
    assertSameTraining(dir.resolve("resumed"), dir.resolve("straight"));
  }

  @Test
  void aRunThatPatienceStoppedResumedWithMorePatienceEndsAsARunWithItFromTheStart() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 150);
    KilnRun stopped = train(config, dir.resolve("resumed"), "--training.patience", "10");
    assertThat(stopped.out()).as("the fixture's score stops improving early").contains("Stopped: patience");
    train(config, dir.resolve("straight"), "--training.patience", "60");
    KilnRun longer = train(config, dir.resolve("resumed"), "--resume", "--training.patience", "60");
    assertThat(longer.out()).contains("training.patience: 10 -> 60");
    assertSameTraining(dir.resolve("resumed"), dir.resolve("straight"));
  }

  @Test
  void aRunResumedWithALargerMaxStepsGivenThroughAVariableEndsAsARunTrainedThatLongFromTheStart() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 30);
    Files.writeString(config, Files.readString(config).replace("max_steps = 30", "max_steps = ${vars.steps}")
        + "\n[vars]\nsteps = 30\n");
    train(config, dir.resolve("straight"), "--vars.steps", "60");
    train(config, dir.resolve("resumed"));
    KilnRun longer = train(config, dir.resolve("resumed"), "--resume", "--vars.steps", "60");
    assertThat(longer.out()).contains("as they are: training.max_steps: 30 -> 60").contains("Stopped: max_steps: step 60");
    assertSameTraining(dir.resolve("resumed"), dir.resolve("straight"));

    KilnRun passed = KilnRun.of("train", config.toString(), "--output", dir.resolve("resumed").toString(), "--resume",
        "--vars.steps", "40");
    assertThat(passed.exit()).isEqualTo(2);
    assertThat(passed.err()).startsWith("[E289]").contains("with training.max_steps = 40: model-last is at step 60");
  }

  @Test
  void aLimitTheRunHasPassedIsRefusedUnlessForced() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 40);
    Path output = dir.resolve("run");
    train(config, output);
    KilnRun fewer = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "30");
    assertThat(fewer.exit()).isEqualTo(2);
    assertThat(fewer.err()).startsWith("[E289] cannot resume from " + output.resolve("model-last")
        + " with training.max_steps = 30: model-last is at step 40, past it.").doesNotContain("\tat ");
    KilnRun impatient = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "80", "--training.patience", "1");
    assertThat(impatient.exit()).isEqualTo(2);
    assertThat(impatient.err()).startsWith("[E289]").contains("training.patience = 1: it would have stopped the run at step");
    KilnRun forced = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume-force",
        "--training.max_steps", "30");
    assertThat(forced.exit()).as(forced.err()).isZero();
  }

  @Test
  void settingsThatChangeTheStepsTakenStillNeedForce() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 20);
    Path output = dir.resolve("run");
    train(config, output);
    for (String[] change : new String[][] {{"--training.eval_frequency", "10"}, {"--training.max_epochs", "-1"},
        {"--training.seed", "8"}}) {
      KilnRun refused = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
          "--training.max_steps", "40", change[0], change[1]);
      assertThat(refused.exit()).as(String.join(" ", change)).isEqualTo(2);
      assertThat(refused.err()).startsWith("[E225]").contains(change[0].substring(2) + ": ")
          .doesNotContain("training.max_steps");
    }
  }

  @Test
  void sectionsReorderedAreRefusedAlsoBesideAnAllowedChange() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 20);
    Path output = dir.resolve("run");
    train(config, output);
    String text = Files.readString(config);
    String hidden = "[components.classifier.model.*.hidden]\n@layers = \"Relu.v1\"\nnO = 32\ndropout = 0.1\n\n";
    String output2 = "[components.classifier.model.*.output]\n@layers = \"Softmax.v1\"\n\n";
    assertThat(text).contains(hidden + output2);
    // The softmax first: the same keys and values, another model.
    Files.writeString(config, text.replace(hidden + output2, output2 + hidden));

    for (String[] more : new String[][] {{}, {"--training.max_steps", "30"}}) {
      List<String> args = new ArrayList<>(List.of("train", config.toString(), "--output", output.toString(), "--resume"));
      args.addAll(List.of(more));
      KilnRun refused = KilnRun.of(args.toArray(String[]::new));
      assertThat(refused.exit()).as(String.join(" ", more)).isEqualTo(2);
      assertThat(refused.err()).startsWith("[E225]").contains("the order of its sections or keys");
    }
  }

  @Test
  void theLoggerMayChangeOnResume() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 20);
    Path output = dir.resolve("run");
    train(config, output);
    Files.writeString(config, Files.readString(config).replace("kiln.JsonlLogger.v1", "kiln.CsvLogger.v1"));
    KilnRun resumed = train(config, output, "--resume", "--training.max_steps", "30");
    assertThat(resumed.out()).contains("training.logger.*.jsonl.@loggers: kiln.JsonlLogger.v1 -> kiln.CsvLogger.v1");
  }

  @Test
  void aDistillationResumedWithALargerMaxStepsEndsAsOneDistilledThatLongAndForceIsAccepted() throws IOException {
    Path teacherConfig = TrainingFixture.write(dir, 10, 20);
    train(teacherConfig, dir.resolve("teacher"));
    Path studentConfig = Files.writeString(dir.resolve("student.cfg"), Files.readString(teacherConfig).replace("nO = 32", "nO = 8")
        + String.join("\n", "", "[distillation]", "corpus = \"corpora.train\"", "max_steps = 20", "max_epochs = 0",
        "", "[distillation.batcher]", "@batchers = \"kiln.batch_by_sequence.v1\"", "size = 32", "",
        "[distillation.optimizer]", "@optimizers = \"Adam.v1\"", "learn_rate = 0.01", ""));
    String teacher = dir.resolve("teacher/model-best").toString();
    distill(teacher, studentConfig, dir.resolve("straight"), "--distillation.max_steps", "40");
    distill(teacher, studentConfig, dir.resolve("resumed"));
    KilnRun longer = distill(teacher, studentConfig, dir.resolve("resumed"), "--resume", "--distillation.max_steps", "40");
    assertThat(longer.out()).contains("distillation.max_steps: 20 -> 40");
    assertSameTraining(dir.resolve("resumed"), dir.resolve("straight"));

    KilnRun refused = KilnRun.of("distill", teacher, studentConfig.toString(), "--output", dir.resolve("resumed").toString(),
        "--resume", "--distillation.max_steps", "40", "--distillation.optimizer.learn_rate", "0.02");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E225]").contains("distillation.optimizer.learn_rate: 0.01 -> 0.02");
    KilnRun forced = distill(teacher, studentConfig, dir.resolve("resumed"), "--resume-force",
        "--distillation.max_steps", "50", "--distillation.optimizer.learn_rate", "0.02");
    assertThat(forced.out()).contains("Resuming despite changes (--resume-force): the config changed"
        + " (distillation.optimizer.learn_rate: 0.01 -> 0.02)").contains("Stopped: max_steps: step 50");
  }

  @Test
  void aTaggerRunSavedBeforeNegPrefixExistedResumesAsIfItHadTheDefault() throws Exception {
    Path config = Files.writeString(dir.resolve("config.cfg"), Files.readString(ROOT.resolve("examples/tagger/config.cfg"))
        .replace("\"examples/", "\"" + ROOT.resolve("examples") + "/"));
    train(config, dir.resolve("straight"), "--training.max_steps", "40");
    Path resumed = dir.resolve("resumed");
    train(config, resumed, "--training.max_steps", "20");
    saveConfigWithout(resumed.resolve("model-last"), "neg_prefix = \"!\"\n");

    Path noNegatives = Files.writeString(dir.resolve("no-negatives.cfg"), Files.readString(config)
        .replace("factory = \"tagger\"", "factory = \"tagger\"\nneg_prefix = null"));
    KilnRun otherPrefix = KilnRun.of("train", noNegatives.toString(), "--output", resumed.toString(), "--resume",
        "--training.max_steps", "40");
    assertThat(otherPrefix.exit()).isEqualTo(2);
    assertThat(otherPrefix.err()).startsWith("[E225]").contains("components.tagger.neg_prefix: added (null)");
    KilnRun longer = train(config, resumed, "--resume", "--training.max_steps", "40");
    assertThat(longer.out()).contains("training.max_steps: 20 -> 40").doesNotContain("neg_prefix");
    assertSameTraining(resumed, dir.resolve("straight"));
  }

  /** Makes {@code model} as kiln saved it before a setting existed: its config without the line, its manifest agreeing. */
  private static void saveConfigWithout(Path model, String line) throws Exception {
    Path configFile = model.resolve("config.cfg");
    String before = Files.readString(configFile);
    assertThat(before).contains(line);
    byte[] config = before.replace(line, "").getBytes(StandardCharsets.UTF_8);
    Files.write(configFile, config);
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest =
        (ObjectNode) json.readTree(model.resolve("manifest.json").toFile());
    ObjectNode entry = (ObjectNode) manifest.at("/files/config.cfg");
    entry.put("size", config.length);
    entry.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config)));
    json.writerWithDefaultPrettyPrinter().writeValue(model.resolve("manifest.json").toFile(), manifest);
  }

  private static KilnRun train(Path config, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", config.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    KilnRun run = KilnRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  private static KilnRun distill(String teacher, Path config, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("distill", teacher, config.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    KilnRun run = KilnRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  /**
   * Every file of model-last and model-best is the same, weights and optimizer state byte for
   * byte, but the seconds of training in the training state and the length of the log they are
   * written in, the manifests that sum them and
   * model-best's config and meta (saved before the resume, with the config of then); model-last
   * holds the new config.
   */
  private static void assertSameTraining(Path resumed, Path straight) throws IOException {
    for (String directory : List.of("model-last", "model-best")) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(straight.resolve(directory))) {
        files = walk.filter(Files::isRegularFile).map(straight.resolve(directory)::relativize).sorted().toList();
      }
      try (Stream<Path> walk = Files.walk(resumed.resolve(directory))) {
        assertThat(walk.filter(Files::isRegularFile).map(resumed.resolve(directory)::relativize).sorted().toList())
            .isEqualTo(files);
      }
      for (Path file : files) {
        String name = directory + "/" + file;
        if (name.endsWith("manifest.json") || name.equals("model-best/config.cfg") || name.equals("model-best/meta.json")) {
          continue;
        }
        byte[] expected = Files.readAllBytes(straight.resolve(name));
        byte[] actual = Files.readAllBytes(resumed.resolve(name));
        if (name.endsWith("training/state.json")) {
          assertThat(withoutTimes(actual)).as(name).isEqualTo(withoutTimes(expected));
        } else {
          assertThat(actual).as(name).isEqualTo(expected);
        }
      }
    }
    JsonNode best = new ObjectMapper().readTree(resumed.resolve("model-best/meta.json").toFile());
    JsonNode bestStraight = new ObjectMapper().readTree(straight.resolve("model-best/meta.json").toFile());
    assertThat(best.get("step")).isEqualTo(bestStraight.get("step"));
    assertThat(best.get("performance")).isEqualTo(bestStraight.get("performance"));
  }

  private static String withoutTimes(byte[] state) {
    return new String(state, StandardCharsets.UTF_8).replaceAll("\"(seconds|bytes)\" : [0-9.eE-]+", "");
  }
}
