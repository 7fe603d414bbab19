package dev.kiln.tabular;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the first line of a file that is not valid UTF-8, for the error message: the reader's
 * decoder works ahead of the parser, so it cannot say where it failed.
 */
final class Utf8Lines {
  private Utf8Lines() {}

  /** The first line (from 1) that does not decode, or 0 when every line does. */
  static int firstInvalid(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int number = 1;
      int b;
      // A newline byte never occurs inside a multi-byte UTF-8 sequence, so lines decode alone.
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          if (!valid(line)) {
            return number;
          }
          line.reset();
          number++;
        } else {
          line.write(b);
        }
      }
      return valid(line) ? 0 : number;
    }
  }

  private static boolean valid(ByteArrayOutputStream line) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
