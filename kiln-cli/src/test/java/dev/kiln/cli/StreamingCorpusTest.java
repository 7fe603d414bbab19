package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training corpus larger than the JVM's heap trains with {@code max_epochs = -1} (streamed,
 * re-read each epoch) in a 48 MB heap, where loading it ({@code max_epochs = 0}) runs out of
 * memory.
 */
class StreamingCorpusTest {
  @TempDir Path dir;

  @Test
  void aCorpusLargerThanTheHeapStreams() throws Exception {
    Path config = TrainingFixture.write(dir, 100, 150);
    Path big = dir.resolve("big.jsonl");
    SplittableRandom random = new SplittableRandom(3);
    try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 700_000; i++) {
        int label = random.nextInt(3);
        StringBuilder line = new StringBuilder("{\"features\": [");
        for (int f = 0; f < 12; f++) {
          line.append(f == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", (f % 3 == label ? 1.5 : 0) + random.nextDouble()));
        }
        out.write(line.append("], \"label\": \"c").append(label).append("\"}\n").toString());
      }
    }
    assertThat(Files.size(big)).isGreaterThan(48L << 20);

    Path streamed = dir.resolve("streamed.log");
    int exit = KilnProcess.runWithHeap("48m", streamed, "train", config.toString(), "--output", dir.resolve("s").toString(),
        "--paths.train", big.toString(), "--training.max_epochs=-1");
    assertThat(exit).as(Files.readString(streamed)).isZero();
    assertThat(Files.readString(streamed)).contains("Stopped: max_steps: step 150");

    Path loaded = dir.resolve("loaded.log");
    int failed = KilnProcess.runWithHeap("48m", loaded, "train", config.toString(), "--output", dir.resolve("l").toString(),
        "--paths.train", big.toString(), "--training.max_epochs=0");
    assertThat(failed).isEqualTo(1);
    assertThat(Files.readString(loaded)).contains("OutOfMemoryError");
  }
}
