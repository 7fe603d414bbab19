package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDX file that is a named pipe: kiln train refuses it as it refuses every data pipe (E219),
 * where it said "no such file"; kiln evaluate reads it once, as it reads a JSONL pipe.
 */
class IdxPipeTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void trainRefusesAnIdxPipeAndEvaluateReadsOne() throws Exception {
    ImageShapeTest.idx(dir, "train", 40, 4, 8, 1);
    Path dev = ImageShapeTest.idx(dir, "dev", 10, 4, 8, 2);
    Path config = ImageShapeTest.config(dir, false);
    Path output = dir.resolve("run");
    KilnRun trained = KilnRun.of("train", config.toString(), "--output", output.toString());
    assertThat(trained.exit()).as(trained.err()).isZero();

    Path piped = dir.resolve("piped");
    Files.createDirectory(piped);
    Files.copy(dir.resolve("dev-labels-idx1-ubyte"), piped.resolve("dev-labels-idx1-ubyte"));
    Path pipe = piped.resolve("dev-images-idx3-ubyte");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");

    KilnRun refused = KilnRun.of("train", config.toString(), "--output", dir.resolve("other").toString(),
        "--paths.dev", piped.resolve("dev").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E219] " + pipe + " is a pipe, not a file").doesNotContain("\tat ");

    byte[] images = Files.readAllBytes(dev.resolveSibling("dev-images-idx3-ubyte"));
    Thread writer = new Thread(() -> {
      try {
        Files.write(pipe, images);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.setDaemon(true); // blocked opening the pipe if no reader comes, it must not keep the JVM alive
    writer.start();
    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-last").toString(), piped.resolve("dev").toString());
    writer.join();
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    KilnRun fromFile = KilnRun.of("evaluate", output.resolve("model-last").toString(), dev.toString());
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(evaluated.out()).get("acc")).isEqualTo(json.readTree(fromFile.out()).get("acc"));
  }
}
