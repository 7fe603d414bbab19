package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data files as UTF-8 text, for the line-based readers (JSONL, CSV, CoNLL): decoded strictly, so
 * that a file in another encoding stops with a coded error naming its first bad line instead of
 * turning into replacement characters, and without the byte-order mark some Windows editors put
 * at the start.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * A reader of {@code file} positioned after its byte-order mark, if any. Its reads throw
   * {@link CharacterCodingException} on bytes that are not UTF-8: catch it and throw
   * {@link #notUtf8}.
   *
   * @throws KilnException E080 if the file cannot be opened, E082 if its first character is not UTF-8
   */
  public static BufferedReader open(Path file) {
    BufferedReader reader;
    try {
      reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
          .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
          1 << 16);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    } catch (CharacterCodingException e) {
      closeQuietly(reader);
      throw notUtf8(file);
    } catch (IOException e) {
      closeQuietly(reader);
      throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
    return reader;
  }

  /**
   * The coded error for a file whose decoding failed, naming its first line that is not UTF-8
   * (the decoder reads ahead of the caller, so the caller's line count cannot say).
   */
  public static KilnException notUtf8(Path file) {
    try {
      return new KilnException(ErrorCode.E082, file, Math.max(1, firstInvalidLine(file)));
    } catch (IOException e) {
      return new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
  }

  /** The first line (from 1) that does not decode, or 0 when every line does. */
  static int firstInvalidLine(Path file) throws IOException {
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

  private static void closeQuietly(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // The open failure is what gets reported.
    }
  }
}
