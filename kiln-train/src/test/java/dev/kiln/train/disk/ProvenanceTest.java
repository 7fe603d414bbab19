package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

  @Test
  void aPrefixStandsForTheFilesNamedAfterItSoThatIdxDataIsFingerprinted() throws IOException {
    Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {4});
    Files.write(dir.resolve("training.jsonl"), new byte[] {5});
    Files.createDirectory(dir.resolve("train-old"));
    Path prefix = dir.resolve("train");
    Provenance before = Provenance.of("[a]\n", List.of(prefix), 0);
    assertThat(before.data().keySet()).containsExactly(
        dir.resolve("train-images-idx3-ubyte.gz").toString(), dir.resolve("train-labels-idx1-ubyte.gz").toString());
    Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {7});
    assertThat(before.differences(Provenance.of("[a]\n", List.of(prefix), 0))).containsExactly("the data file "
        + dir.resolve("train-labels-idx1-ubyte.gz") + " changed (its content, at the same size of 1 bytes)");
  }

  @Test
  void aPipeNamedAfterAPrefixIsRefusedBeforeItIsRead() throws Exception {
    Path pipe = dir.resolve("t10k-images-idx3-ubyte.gz");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
    assertThatThrownBy(() -> Provenance.of("[a]\n", List.of(dir.resolve("t10k")), 0))
        .hasMessageStartingWith("[E219] " + pipe + " is a pipe, not a file");
  }
}
