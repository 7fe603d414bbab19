package dev.kiln.train.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.LabelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitRegistryTest {
  @TempDir Path dir;

  @Test
  void theLabelsOfAFileAreGivenWithTheFileAsTheirOrigin() throws IOException {
    Path file = Files.writeString(dir.resolve("textcat.json"), "[\"SPAM\", \"HAM\"]");

    LabelSource labels = InitRegistry.readLabels(file, true);

    assertThat(labels).isEqualTo(LabelSource.given(java.util.List.of("HAM", "SPAM"), file.toString()));
    assertThat(InitRegistry.spacyReadLabels(file, false)).isEqualTo(labels);
  }

  @Test
  void aMissingFileMeansTheDatasLabelsUnlessItIsRequired() {
    Path missing = dir.resolve("labels/textcat.json");

    assertThat(InitRegistry.readLabels(missing, false)).isEqualTo(LabelSource.fromData());
    assertThatThrownBy(() -> InitRegistry.readLabels(missing, true))
        .hasMessageStartingWith("[E262] labels file " + missing + ": there is no such file, and require = true")
        .hasMessageContaining("kiln init labels CONFIG DIR");
  }
}
