package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Registries;
import dev.kiln.train.disk.Manifest;
import dev.kiln.train.disk.PipelineDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that saves at every step, killed with SIGKILL at 20 random instants (many of them during
 * checkpoint writes): every model-best and model-last present afterwards is complete, passes its
 * manifest check and loads.
 */
class AtomicCheckpointsTest {
  @TempDir Path dir;

  @Test
  void noKillLeavesAHalfWrittenModel() throws Exception {
    Path config = TrainingFixture.write(dir, 1, 400);
    Path output = dir.resolve("run");
    SplittableRandom random = new SplittableRandom(20);
    Registries registries = Registries.load();
    int checked = 0;
    for (int kill = 0; kill < 20; kill++) {
      Process process = KilnProcess.start(dir.resolve("run.log"), "train", config.toString(), "--output",
          output.toString(), kill == 0 ? "--training.seed=7" : "--resume");
      KilnProcess.awaitOutput(process, dir.resolve("run.log"), "---");
      Thread.sleep(random.nextInt(1200));
      KilnProcess.kill(process);
      for (String name : new String[] {"model-last", "model-best"}) {
        Path model = output.resolve(name);
        if (Files.exists(model)) {
          Manifest.verify(model);
          checked++;
        }
      }
    }
    // Under a heavy load the kills can all come before the first save; the run resumed to its
    // end must leave both directories loadable either way.
    assertThat(KilnProcess.run(dir.resolve("run.log"), "train", config.toString(), "--output",
        output.toString(), "--resume")).isZero();
    for (String name : new String[] {"model-last", "model-best"}) {
      PipelineDirectory.load(output.resolve(name), registries);
    }
    assertThat(checked).as("directories checked right after a kill").isGreaterThanOrEqualTo(20);
  }
}
