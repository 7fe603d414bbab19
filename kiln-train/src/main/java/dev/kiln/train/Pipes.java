package dev.kiln.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named and anonymous pipes among data paths: a named pipe, or a shell's {@code <(...)}
 * ({@code /dev/fd/63}), gives its data once, where kiln train reads its data several times. A
 * device such as {@code /dev/null} reads the same each time and is no pipe.
 */
public final class Pipes {
  private static final int FILE_TYPE = 0170000;
  private static final int FIFO = 0010000;

  private Pipes() {}

  /** Whether {@code path} is a pipe; false where the file system has no Unix file modes. */
  public static boolean isPipe(Path path) {
    try {
      return ((Integer) Files.getAttribute(path, "unix:mode") & FILE_TYPE) == FIFO;
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
