package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that throws leaves model-last at its last checkpoint, so that --resume ends exactly
 * where an uninterrupted run does: saving the failed step's half-done state (the batch already
 * drawn, the update not applied) would make the resumed run skip that batch.
 */
class FailedStepTest {
  private static final String PLUGIN = """
      import dev.kiln.config.Registered;
      import dev.kiln.config.Registries;
      import dev.kiln.config.RegistryProvider;
      import dev.kiln.train.BeforeUpdate;
      import java.nio.file.Files;
      import java.nio.file.Path;

      public class FailAt implements RegistryProvider {
        @Registered(category = "callbacks", name = "test.fail_at.v1")
        public static BeforeUpdate failAt(long step, String marker) {
          return (pipeline, current, epoch) -> {
            if (current == step && Files.exists(Path.of(marker))) {
              throw new IllegalStateException("failing on purpose at step " + current);
            }
          };
        }

        @Override
        public void register(Registries registries) {
          registries.addAll(FailAt.class);
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void aFailedStepKeepsTheLastCheckpointAndResumesExactly() throws IOException {
    Path plugin = Files.writeString(dir.resolve("FailAt.java"), PLUGIN);
    Path marker = Files.createFile(dir.resolve("fail-now"));
    Path config = TrainingFixture.write(dir, 5, 20);
    Files.writeString(config, Files.readString(config) + String.join("\n",
        "",
        "[training.before_update]",
        "@callbacks = \"test.fail_at.v1\"",
        "step = 7",
        "marker = \"" + marker + "\"",
        ""));

    Path failed = dir.resolve("failed");
    KilnRun failing = KilnRun.of("train", config.toString(), "--output", failed.toString(),
        "--code", plugin.toString());
    assertThat(failing.exit()).as(failing.err()).isEqualTo(1);
    assertThat(failing.err()).contains("Training failed at step 7. model-last is left at the last"
        + " checkpoint").contains("failing on purpose at step 7");

    Files.delete(marker);
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", failed.toString(),
        "--code", plugin.toString(), "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    Path reference = dir.resolve("reference");
    KilnRun uninterrupted = KilnRun.of("train", config.toString(), "--output",
        reference.toString(), "--code", plugin.toString());
    assertThat(uninterrupted.exit()).as(uninterrupted.err()).isZero();
    for (String file : new String[] {"model-last/classifier/weights.safetensors",
        "model-best/classifier/weights.safetensors",
        "model-last/training/weights/classifier/weights.safetensors"}) {
      assertThat(Manifest.sha256(failed.resolve(file))).as(file)
          .isEqualTo(Manifest.sha256(reference.resolve(file)));
    }
  }
}
