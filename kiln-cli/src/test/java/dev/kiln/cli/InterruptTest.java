package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.disk.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first Ctrl-C (SIGINT) finishes the batch, saves model-last with its training state, exits
 * 130; a second one quits at once.
 */
class InterruptTest {
  @TempDir Path dir;

  @Test
  void ctrlCSavesAResumableModelAndExits130() throws Exception {
    Path config = TrainingFixture.write(dir, 50, 0);
    Path output = dir.resolve("run");
    Path log = dir.resolve("run.log");
    Process process = KilnProcess.start(log, "train", config.toString(), "--output", output.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(output.resolve("model-last")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isEqualTo(130);
    assertThat(Files.readString(log)).contains("Stopping after this batch").contains("Stopped: interrupted");
    Manifest.verify(output.resolve("model-last"));
    assertThat(output.resolve("model-last/training/state.json")).exists();
  }

  /** A callback that makes one step last a minute, announcing it first. */
  private static final String SLOW_STEP = """
      import dev.kiln.config.Registered;
      import dev.kiln.config.Registries;
      import dev.kiln.config.RegistryProvider;
      import dev.kiln.train.BeforeUpdate;

      public class SlowStep implements RegistryProvider {
        @Registered(category = "callbacks", name = "test.slow_step.v1")
        public static BeforeUpdate slowStep(long step) {
          return (pipeline, current, epoch) -> {
            if (current == step) {
              System.out.println("slow step " + current + " begins");
              System.out.flush();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          };
        }

        @Override
        public void register(Registries registries) {
          registries.addAll(SlowStep.class);
        }
      }
      """;

  @Test
  void aSecondCtrlCQuitsAtOnceAndLeavesTheLastCheckpointWhole() throws Exception {
    Path plugin = Files.writeString(dir.resolve("SlowStep.java"), SLOW_STEP);
    Path config = TrainingFixture.write(dir, 5, 40);
    Files.writeString(config, Files.readString(config) + String.join("\n",
        "", "[training.before_update]", "@callbacks = \"test.slow_step.v1\"", "step = 12", ""));
    Path output = dir.resolve("run");
    Path log = dir.resolve("run.log");
    Process process = KilnProcess.start(log, "train", config.toString(), "--output",
        output.toString(), "--code", plugin.toString());
    try {
      KilnProcess.awaitOutput(process, log, "slow step 12 begins");
      signal(process, "INT");
      KilnProcess.awaitOutput(process, log, "Stopping after this batch");
      signal(process, "INT");
      // The step sleeps for a minute; only halting ends the run this soon.
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as(Files.readString(log)).isEqualTo(130);
    assertThat(Files.readString(log)).doesNotContain("Stopped: interrupted");
    Manifest.verify(output.resolve("model-last"));
  }

  private static void signal(Process process, String name) throws Exception {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }
}
