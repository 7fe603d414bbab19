package dev.kiln.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;

/**
 * Reads the small JSON files kiln writes beside weights (labels, scales, state), turning a file
 * that does not parse or does not fit into one coded message naming the file and the place,
 * instead of Jackson's multi-line text without a file name.
 */
public final class JsonFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFiles() {}

  /**
   * The file's value as {@code type}.
   *
   * @throws KilnException E083 if it is not such JSON, E080 if it cannot be read
   */
  public static <T> T read(Path file, TypeReference<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new KilnException(ErrorCode.E083, file, describe(e));
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
  }

  /** As {@link #read(Path, TypeReference)}, for a plain class. */
  public static <T> T read(Path file, Class<T> type) {
    return read(file, new TypeReference<T>() {
      @Override
      public Type getType() {
        return type;
      }
    });
  }

  /** Jackson's first line, without its source, and the line and column: for a message about any JSON file. */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse(message)
        .replaceAll("\\s*\\([^\\[]*\\[Source:.*?\\]\\)", "") // Jackson's "(start marker at [Source: ...])"
        .replaceAll("[.\\s]+$", "");
    JsonLocation at = e.getLocation();
    return at == null ? first : first + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
