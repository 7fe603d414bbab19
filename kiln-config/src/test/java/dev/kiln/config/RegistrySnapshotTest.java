package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySnapshotTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/registry-snapshot.json");

  @Test
  void registryMatchesTheCommittedSnapshot() {
    RegistrySnapshot.verify(Registries.load(), SNAPSHOT);
  }

  @Test
  void snapshotIsSortedJsonOfEveryCategory() {
    Registries registries = new Registries();
    registries.addAll(TestFunctions.class);

    String json = RegistrySnapshot.of(registries);

    assertThat(json).startsWith("{\n  \"architectures\": [],\n  \"augmenters\": [],\n")
        .contains("  \"optimizers\": [\n    \"Adam.v1\",\n    \"SGD.v1\",\n    \"Scheduled.v1\"\n  ],")
        .endsWith("\n}\n");
  }

  @Test
  void mismatchNamesAddedAndRemovedEntriesAndHowToUpdate(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("snapshot.json");
    Files.writeString(file, "{\n  \"layers\": [\n    \"Gone.v1\"\n  ]\n}\n");
    Registries registries = new Registries();
    registries.addAll(TestFunctions.class);

    assertThatThrownBy(() -> RegistrySnapshot.verify(registries, file))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("added:   layers/Relu.v1, layers/chain.v1")
        .hasMessageContaining("removed: layers/Gone.v1")
        .hasMessageContaining("-Dkiln.updateSnapshots=true")
        .hasMessageContaining(file.toString());
  }
}
