package dev.kiln.cli;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's text result to a file, or to standard output for {@code -}. */
final class TextOutput {
  private TextOutput() {}

  /** Writes {@code text} to {@code target}: atomically to a file, or to stdout for "-". */
  static void write(CommandSpec spec, String target, String text) {
    String withNewline = text.endsWith("\n") ? text : text + "\n";
    if (target.equals("-")) {
      spec.commandLine().getOut().print(withNewline);
      spec.commandLine().getOut().flush();
      return;
    }
    Path path = Path.of(target).toAbsolutePath();
    try {
      Path directory = path.getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
      Files.writeString(temporary, withNewline, StandardCharsets.UTF_8);
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E402, path, e.getMessage());
    }
  }
}
