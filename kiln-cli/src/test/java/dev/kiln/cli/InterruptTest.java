package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.disk.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first Ctrl-C (SIGINT) finishes the batch, saves model-last with its training state, exits 130. */
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
}
