package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at random instants and resumed with {@code --resume} each time ends
 * with weights byte-identical to a run that was never interrupted.
 */
class ResumeTest {
  private static final int KILL_POINTS = 4;

  @TempDir Path dir;

  @Test
  void killedAndResumedRunsEndBitIdenticalToAnUninterruptedRun() throws Exception {
    Path config = TrainingFixture.write(dir, 5, 40);
    Path reference = dir.resolve("reference");
    long started = System.nanoTime();
    assertThat(KilnProcess.run(dir.resolve("reference.log"), "train", config.toString(), "--output", reference.toString()))
        .as(Files.readString(dir.resolve("reference.log"))).isZero();
    long duration = (System.nanoTime() - started) / 1_000_000;

    // A kill between saving model-last at a best evaluation and copying it to model-best: the
    // final step here is such an evaluation, so the state is the finished run without the copy.
    Path cut = dir.resolve("cut-before-best");
    copyTree(reference, cut);
    deleteTree(cut.resolve("model-best"));
    assertThat(KilnProcess.run(dir.resolve("cut.log"), "train", config.toString(), "--output", cut.toString(), "--resume"))
        .isZero();
    assertThat(Manifest.sha256(cut.resolve("model-best/classifier/weights.safetensors")))
        .isEqualTo(Manifest.sha256(reference.resolve("model-best/classifier/weights.safetensors")));

    SplittableRandom random = new SplittableRandom(2026);
    for (int point = 0; point < KILL_POINTS; point++) {
      Path output = dir.resolve("killed-" + point);
      Path log = dir.resolve("killed-" + point + ".log");
      Process first = KilnProcess.start(log, "train", config.toString(), "--output", output.toString());
      Thread.sleep((long) (duration * (0.3 + 0.6 * random.nextDouble())));
      KilnProcess.kill(first);
      int exit = KilnProcess.run(log, "train", config.toString(), "--output", output.toString(), "--resume");
      assertThat(exit).as(Files.readString(log)).isZero();
      for (String file : new String[] {"model-last/classifier/weights.safetensors", "model-best/classifier/weights.safetensors",
          "model-last/training/weights/classifier/weights.safetensors"}) {
        assertThat(Manifest.sha256(output.resolve(file)))
            .as("%s after a kill at point %d; the resumed run printed:%n%s", file, point, Files.readString(log))
            .isEqualTo(Manifest.sha256(reference.resolve(file)));
      }
      assertThat(Files.readAllLines(output.resolve("training-log.jsonl")))
          .as("the JSONL log continues without gaps or repeats")
          .hasSameSizeAs(Files.readAllLines(reference.resolve("training-log.jsonl")));
    }
  }

  @Test
  void resumingWithAChangedConfigIsRefusedUnlessForced() throws IOException, InterruptedException {
    Path config = TrainingFixture.write(dir, 5, 10);
    Path output = dir.resolve("run");
    assertThat(KilnProcess.run(dir.resolve("1.log"), "train", config.toString(), "--output", output.toString())).isZero();
    Files.writeString(config, Files.readString(config).replace("learn_rate = 0.01", "learn_rate = 0.02"));
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E225]")
        .contains("the config changed (training.optimizer.learn_rate: 0.01 -> 0.02)").doesNotContain("\tat ");
    KilnRun forced = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume-force");
    assertThat(forced.exit()).as(forced.err()).isZero();
  }

  @Test
  void aResumedRunThatEndsBeforeItsNextEvaluationKeepsTheLastPerformanceInItsMeta() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 10);
    Path output = dir.resolve("run");
    assertThat(KilnRun.of("train", config.toString(), "--output", output.toString()).exit()).isZero();
    JsonNode before = new ObjectMapper().readTree(output.resolve("model-last/meta.json").toFile()).get("performance");
    assertThat(before.get("acc").asDouble()).isPositive();
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume-force",
        "--training.max_steps", "12");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    JsonNode meta = new ObjectMapper().readTree(output.resolve("model-last/meta.json").toFile());
    assertThat(meta.get("step").asLong()).isEqualTo(12);
    assertThat(meta.get("performance")).as("not zeros: the scores of step 10's evaluation").isEqualTo(before);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    dev.kiln.train.disk.AtomicDirectory.deleteTree(root);
  }
}
