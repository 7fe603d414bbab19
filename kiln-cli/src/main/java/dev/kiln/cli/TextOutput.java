package dev.kiln.cli;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
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

  /**
   * Refuses an output file that would destroy what the command reads: its {@code input} file, or
   * a file inside the {@code model} directory (either null when there is none); and a directory.
   * "-" (standard output) is always fine.
   *
   * @throws KilnException E405, E406 or E407
   */
  static void checkTarget(String target, String option, Path model, Path input) {
    if (target.equals("-")) {
      return;
    }
    Path path = Path.of(target).toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      throw new KilnException(ErrorCode.E405, target, option);
    }
    if (model != null && path.startsWith(model.toAbsolutePath().normalize())) {
      throw new KilnException(ErrorCode.E407, target, model);
    }
    if (input != null && sameFile(path, input.toAbsolutePath().normalize())) {
      throw new KilnException(ErrorCode.E406, target, input);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return a.equals(b) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes {@code text} to {@code target}: atomically to a file, or to stdout for "-". */
  static void write(CommandSpec spec, String target, String text) {
    String withNewline = text.endsWith("\n") ? text : text + "\n";
    stream(spec, target, out -> out.write(withNewline));
  }

  /**
   * Streams what {@code lines} writes to {@code target}, so a large result is never held in
   * memory. A file is written beside the target and renamed over it only when {@code lines}
   * returns: if it throws (a malformed input line, say), the target is left as it was. A target
   * that exists and is not a regular file (a device such as /dev/null, a named pipe) is written
   * directly; a symbolic link's file is replaced, not the link.
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
      if (Files.exists(path)) {
        path = path.toRealPath();
        if (!Files.isRegularFile(path)) {
          try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            lines.writeTo(out);
          }
          return;
        }
      }
      Path directory = path.getParent();
      Files.createDirectories(directory);
      // Named by the process rather than by createTempFile, whose files are private (0600): the
      // output gets the permissions any new file of the user gets.
      temporary = directory.resolve("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        lines.writeTo(out);
      }
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E402, path, IoReason.of(e));
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
