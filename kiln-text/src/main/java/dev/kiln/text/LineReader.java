package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * The lines of a UTF-8 file ({@link Utf8Text}: strict, byte-order mark skipped), one at a time,
 * counting line numbers for error messages.
 */
final class LineReader implements AutoCloseable {
  private final Path path;
  private final BufferedReader reader;
  private int lineNumber;

  LineReader(Path path) {
    this.path = path;
    reader = Utf8Text.open(path);
  }

  Path path() {
    return path;
  }

  /**
   * The next line without its line break, or {@code null} at the end of the file.
   *
   * @throws KilnException E082 when the file is not UTF-8, E080 when it cannot be read
   */
  String next() {
    try {
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (CharacterCodingException e) {
      throw Utf8Text.notUtf8(path);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, path, IoReason.of(e));
    }
  }

  /** The number of the line {@link #next} returned last, from 1. */
  int lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
