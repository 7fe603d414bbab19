package dev.kiln.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Cleanup of the temporary folders plugin sources are compiled into. */
final class TemporaryFiles {
  private TemporaryFiles() {}

  /** Deletes {@code folder} and everything now in it when the JVM exits. */
  static void deleteOnExit(Path folder) {
    // File.deleteOnExit deletes in reverse order of registration: children before parents.
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.forEach(p -> p.toFile().deleteOnExit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
