package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checked against Thinc's ops.hash (src/test/python/hash_expectations.py). */
class MurmurHashTest {
  @Test
  void matchesThincForEveryRecordedKeyAndSeed() throws IOException {
    List<String> lines;
    try (var in = new BufferedReader(new InputStreamReader(
        MurmurHashTest.class.getResourceAsStream("murmur-thinc.txt"), StandardCharsets.UTF_8))) {
      lines = in.lines().toList();
    }
    assertThat(lines).hasSize(32);
    int[] out = new int[4];
    for (String line : lines) {
      String[] f = line.split(" ");
      MurmurHash.hash128(Long.parseLong(f[0]), (int) Long.parseLong(f[1]), out, 0);
      for (int i = 0; i < 4; i++) {
        assertThat(Integer.toUnsignedLong(out[i])).as(line).isEqualTo(Long.parseLong(f[2 + i]));
      }
    }
  }
}
