package dev.kiln.cli;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistrySnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Everything kiln registers, across all modules, against the committed snapshot: a name that
 * disappears (a broken config for users) or appears unnoticed fails here. Update with
 * {@code mvn test -Dkiln.updateSnapshots=true} and review the diff.
 */
class AllRegistriesSnapshotTest {
  @Test
  void theRegistriesMatchTheSnapshot() {
    RegistrySnapshot.verify(Registries.load(), Path.of("src/test/resources/registry-snapshot.json"));
  }
}
