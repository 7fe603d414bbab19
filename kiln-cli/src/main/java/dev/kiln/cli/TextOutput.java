package dev.kiln.cli;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's text result to a file, or to standard output for {@code -}. */
final class TextOutput {
  private TextOutput() {}

  /** Something that writes a command's text, line by line. */
  @FunctionalInterface
  interface Lines {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code text} to {@code target}: atomically to a file, or to stdout for "-". */
  static void write(CommandSpec spec, String target, String text) {
    String withNewline = text.endsWith("\n") ? text : text + "\n";
    stream(spec, target, out -> out.write(withNewline));
  }

  /**
   * Streams what {@code lines} writes to {@code target}, so a large result is never held in
   * memory. A file is written beside the target and renamed over it only when {@code lines}
   * returns: if it throws (a malformed input line, say), the target is left as it was.
   */
  static void stream(CommandSpec spec, String target, Lines lines) {
    if (target.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        lines.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out.flush();
      }
      return;
    }
    Path path = Path.of(target).toAbsolutePath();
    Path temporary = null;
    try {
      Path directory = path.getParent();
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
      try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        lines.writeTo(out);
      }
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E402, path, e.getMessage());
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // The failure being reported matters more; a stray hidden .tmp file is harmless.
    }
  }
}
