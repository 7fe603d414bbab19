package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overrides of keys the config does not write but kiln fills in: a weight in
 * {@code [training.score_weights]}, which used to be E024 because the components' weights are
 * added only when the run starts, and a default-only key given to {@code kiln debug data}, which
 * used to be E024 because that command did not fill the config as {@code kiln train} does.
 */
class OverridesOfFilledKeysTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void writeTaggerConfig() throws IOException {
    config = Files.writeString(dir.resolve("config.cfg"), Files.readString(ROOT.resolve("examples/tagger/config.cfg"))
        .replace("\"examples/", "\"" + ROOT.resolve("examples") + "/").replace("max_steps = 0", "max_steps = 3"));
  }

  @Test
  void aScoreWeightOverrideTrainsAsTheWeightWrittenInTheConfig() throws IOException {
    KilnRun plain = KilnRun.of("train", config.toString(), "--output", dir.resolve("plain").toString());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("TAG_ACC   SCORE").doesNotContain("TOKEN_ACC");

    Path output = dir.resolve("run");
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(),
        "--training.score_weights.tag_acc", "null", "--training.score_weights.token_acc", "1.0");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(evaluationRows(run)).as("token_acc is now the main score, tag_acc only logged")
        .containsExactly("  0       0          0.00        98.67     100.00    1.00");
    assertThat(Files.readString(output.resolve("model-last/config.cfg")))
        .contains("[training.score_weights]\ntag_acc = null\ntoken_acc = 1.0\n");
    JsonNode performance = JSON.readTree(output.resolve("model-last/meta.json").toFile()).get("performance");
    assertThat(performance.get("token_acc").asDouble()).isEqualTo(1.0);
    assertThat(performance.get("tag_acc").asDouble()).isLessThan(1.0);

    Files.writeString(config, Files.readString(config) + "\n[training.score_weights]\ntag_acc = null\ntoken_acc = 1.0\n");
    KilnRun written = KilnRun.of("train", config.toString(), "--output", dir.resolve("written").toString());
    assertThat(evaluationRows(written)).isEqualTo(evaluationRows(run));
  }

  @Test
  void aScoreNoComponentReportsIsTheCodedErrorOfTheConfigFile() throws IOException {
    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--training.score_weights.tag_accuracy", "1.0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("[E204] [training.score_weights] weighs the metric \"tag_accuracy\"")
        .contains("Available scores: speed, tag_acc, token_acc").doesNotContain("\tat ");
    // Found at the step-0 evaluation, before any checkpoint: there is nothing to resume.
    assertThat(run.err()).contains("Training failed at step 0, before its first checkpoint: nothing was saved.")
        .doesNotContain("--resume");
    Files.writeString(config, Files.readString(config) + "\n[training.score_weights]\ntag_accuracy = 1.0\n");
    KilnRun written = KilnRun.of("train", config.toString(), "--output", dir.resolve("written").toString());
    assertThat(written.err()).as("the same message as for the weight written in the file").isEqualTo(run.err());
  }

  @Test
  void aRunWithAScoreWeightOverrideResumesWithItAndRefusesAnotherWeight() {
    Path output = dir.resolve("run");
    KilnRun first = KilnRun.of("train", config.toString(), "--output", output.toString(),
        "--training.score_weights.tag_acc", "0.5");
    assertThat(first.exit()).as(first.err()).isZero();
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "6", "--training.score_weights.tag_acc", "0.5");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Stopped: max_steps: step 6");

    KilnRun otherWeight = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "9", "--training.score_weights.tag_acc", "null");
    assertThat(otherWeight.exit()).as("score weights choose model-best").isEqualTo(2);
    assertThat(otherWeight.err()).startsWith("[E225]").contains("training.score_weights.tag_acc: 0.5 -> null");
  }

  @Test
  void debugDataTakesAnOverrideOfADefaultAsTrainDoes() {
    KilnRun run = KilnRun.of("debug", "data", config.toString(), "--corpora.train.limit", "10",
        "--components.tagger.neg_prefix", "null");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("ℹ 10 training docs (72 words), 250 evaluation docs");

    KilnRun typo = KilnRun.of("debug", "data", config.toString(), "--corpora.train.limitt", "10");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).startsWith("[E024] override corpora.train.limitt: there is no such key");
  }

  /** The progress table's rows, without the header. */
  private static List<String> evaluationRows(KilnRun run) {
    return run.out().lines().filter(line -> line.matches("\\s+\\d+\\s+\\d+\\s.*")).toList();
  }
}
