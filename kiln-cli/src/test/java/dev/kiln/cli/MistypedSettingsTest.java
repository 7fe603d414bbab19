package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value no training can run with, given in the config or on the command line, stops
 * {@code kiln train} before training with exit 2 and one coded message naming the key, where it
 * once ran on silently (a negative learning rate trains backwards) or died with a stack trace.
 */
class MistypedSettingsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--training.eval_frequency | 0 | [E208] [training] eval_frequency = 0 is not valid: it must be at least 1",
      "--training.accumulate_gradient | 0 | [E208] [training] accumulate_gradient = 0",
      "--training.patience | -5 | [E208] [training] patience = -5",
      "--training.dropout | 1.0 | [E208] [training] dropout = 1.0 is not valid: it must be a rate in [0, 1)",
      "--training.optimizer.learn_rate | -0.01 | [E166] optimizer Adam: learn_rate is -0.01 at step 0",
      "--training.optimizer.learn_rate | 1e400 | [E166] optimizer Adam: learn_rate is Infinity at step 0, but must be at least 0 and finite",
      "--training.optimizer.beta2 | 1.0 | [E166] optimizer Adam: beta2 is 1.0 at step 0, but must be in [0, 1)",
      "--training.batcher.size | 0 | [E180] batching: size must be at least 1",
      "--components.classifier.model.*.hidden.nO | 0 | [E106] layer relu: nO must be at least 1, got 0",
      "--corpora.train.limit | -1 | [E217] a reader's limit is -1, but it must be at least 0",
      "--training.hooks | {\"save\": {\"@hooks\": \"kiln.SaveEvery.v1\", \"steps\": 0} } | [E214] hook kiln.SaveEvery.v1: steps must be at least 1, got 0",
      "--training.hooks | {\"stop\": {\"@hooks\": \"kiln.StopAfter.v1\", \"seconds\": -1} } | [E214] hook kiln.StopAfter.v1: seconds must be at least 0 (0: no limit), got -1.0",
  })
  void aValueTrainingCannotRunWithIsRefusedBeforeTheFirstStep(String key, String value, String message)
      throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    Path output = dir.resolve("run");
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(), key, value);
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ")
        .as("reported as its own error, not as the function's or record's E053").doesNotContain("[E053]");
    assertThat(output.resolve("model-last")).doesNotExist();
  }

  @Test
  void aRefusedValueIsReportedAtItsKeysLine() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    List<String> lines = Files.readAllLines(config);
    int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("eval_frequency")).findFirst().orElseThrow()) + 1;
    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--training.eval_frequency", "0");
    assertThat(run.err()).startsWith("[E042] " + config + " has 1 problem(s):")
        .contains("\n  line " + line + ": [E208] [training] eval_frequency = 0");
  }

  @Test
  void aDropoutScheduleThatLeavesZeroToOneStopsAtTheStepItDoes() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    // warmup_linear rises from 0 by initial_rate / warmup_steps a step: 0.5 at step 1, 1.0 at 2.
    String text = Files.readString(config).replace("seed = 7\ndropout = 0.1\n", "seed = 7\n")
        + "\n[training.dropout]\n@schedules = \"warmup_linear.v1\"\ninitial_rate = 2.0\n"
        + "warmup_steps = 4\ntotal_steps = 100\n";
    Files.writeString(config, text);
    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains("[E209] the dropout rate is 1.0 at step 2").doesNotContain("\tat ");
  }
}
