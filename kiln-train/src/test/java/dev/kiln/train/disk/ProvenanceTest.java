package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path dir;

  @Test
  void aDataFileEditedAtTheSameSizeIsReportedAsAChangeOfContent() throws IOException {
    Path data = Files.writeString(dir.resolve("train.jsonl"), "{\"text\": \"abc\"}\n");
    Provenance before = Provenance.of("[a]\nx = 1\n", List.of(data), 0);
    Files.writeString(data, "{\"text\": \"abd\"}\n");
    assertThat(before.differences(Provenance.of("[a]\nx = 1\n", List.of(data), 0)))
        .containsExactly("the data file " + data + " changed (its content, at the same size of 16 bytes)");
    Files.writeString(data, "{\"text\": \"abcd\"}\n");
    assertThat(before.differences(Provenance.of("[a]\nx = 1\n", List.of(data), 0)))
        .containsExactly("the data file " + data + " changed (16 -> 17 bytes)");
  }
}
