package dev.kiln.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a config file as strict UTF-8 text. */
final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * The text of {@code file} without a leading byte-order mark.
   *
   * @throws KilnException E080 if it cannot be read, E081 if it is not UTF-8
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(buffer).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new KilnException(ErrorCode.E081, file, buffer.position());
    }
  }
}
