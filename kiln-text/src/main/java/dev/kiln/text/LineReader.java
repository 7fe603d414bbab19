package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lines of a UTF-8 file, one at a time, counting line numbers for error messages. */
final class LineReader implements AutoCloseable {
  private final Path path;
  private final BufferedReader reader;
  private int lineNumber;

  LineReader(Path path) {
    this.path = path;
    try {
      reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, path, e.getMessage());
    }
  }

  Path path() {
    return path;
  }

  /** The next line without its line break, or {@code null} at the end of the file. */
  String next() {
    try {
      String line = reader.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
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
