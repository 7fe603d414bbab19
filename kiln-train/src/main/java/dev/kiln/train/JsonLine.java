package dev.kiln.train;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.util.function.Function;

/**
 * One line of a JSONL data file as the JSON value it holds, for the JSONL readers. A line must
 * hold exactly one value: Jackson's {@code readTree} stops after the first, so that two records
 * on one line read as the first alone and a comma left from a JSON array went unnoticed.
 */
public final class JsonLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLine() {}

  /**
   * The value {@code line} holds (null for a line without any).
   *
   * @param problem the reader's coded error for the line, given what is wrong with it in words
   * @throws KilnException from {@code problem} when the line is not valid JSON, holds more than
   *     one value, or holds a value beyond the JSON reader's limits (a string of over 20 million
   *     characters)
   */
  public static JsonNode parse(String line, Function<String, KilnException> problem) {
    try (JsonParser parser = JSON.createParser(line)) {
      JsonNode value = JSON.readTree(parser);
      boolean more;
      try {
        more = parser.nextToken() != null;
      } catch (JsonProcessingException e) {
        more = true;
      }
      if (more) {
        throw problem.apply("it holds more than one JSON value (a second record, or a comma after the object):"
            + " write one object per line");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw problem.apply("it holds a value longer than kiln's JSON reader takes ("
          + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + "): split it into several records");
    } catch (IOException e) {
      // Utf8Text skips a byte-order mark at the start of the file; one here came with a file joined on.
      throw problem.apply(line.startsWith("\uFEFF") ? "it starts with a byte-order mark (U+FEFF), as a file appended to"
          + " another does: remove it" : "it is not valid JSON");
    }
  }
}
