package dev.kiln.train;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a JSONL data file as the JSON value it holds, for the JSONL readers. A line must
 * hold exactly one value: Jackson's {@code readTree} stops after the first, so that two records
 * on one line read as the first alone and a comma left from a JSON array went unnoticed.
 */
public final class JsonLine {
  /**
   * Refuses a key given twice in one object ({@code {"cats": {"A": 1, "A": 0}}}): JSON readers
   * keep one of the two values (Python's and Jackson's the last) without a word.
   */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private JsonLine() {}

  /**
   * The value {@code line} holds (null for a line without any).
   *
   * @param problem the reader's coded error for the line, given what is wrong with it in words
   * @throws KilnException from {@code problem} when the line is not valid JSON, holds more than
   *     one value, holds a value beyond the JSON reader's limits (a string of over 20 million
   *     characters), a string with a lone surrogate escape ({@code "\ud800"}), or an object with a
   *     key given twice
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
      // Only an escape makes a surrogate: the file was decoded as strict UTF-8.
      String lone = line.contains("\\u") && value != null ? loneSurrogate(value) : null;
      if (lone != null) {
        throw problem.apply("the string \"" + Excerpt.of(escaped(lone)) + "\" holds a lone surrogate escape"
            + " (\\uD800 to \\uDFFF without its pair), which is no Unicode character and cannot be written out as"
            + " UTF-8: fix the escape (an emoji is a pair, such as \\ud83d\\ude00)");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw problem.apply("it holds a value longer than kiln's JSON reader takes ("
          + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + "): split it into several records");
    } catch (JsonParseException e) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
      if (duplicate.matches()) {
        throw problem.apply("the key \"" + Excerpt.of(duplicate.group(1)) + "\" appears twice in one object, and only one of"
            + " its values could be read: remove the other");
      }
      throw notJson(line, problem);
    } catch (IOException e) {
      throw notJson(line, problem);
    }
  }

  private static KilnException notJson(String line, Function<String, KilnException> problem) {
    // Utf8Text skips a byte-order mark at the start of the file; one here came with a file joined on.
    return problem.apply(line.startsWith("\uFEFF") ? "it starts with a byte-order mark (U+FEFF), as a file appended to"
        + " another does: remove it" : "it is not valid JSON");
  }

  /** The first string (value or key) in {@code node} holding a surrogate without its pair, or null. */
  private static String loneSurrogate(JsonNode node) {
    if (node.isTextual()) {
      return isWellFormed(node.textValue()) ? null : node.textValue();
    }
    for (var fields = node.fields(); fields.hasNext(); ) {
      var field = fields.next();
      String lone = isWellFormed(field.getKey()) ? loneSurrogate(field.getValue()) : field.getKey();
      if (lone != null) {
        return lone;
      }
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        String lone = loneSurrogate(item);
        if (lone != null) {
          return lone;
        }
      }
    }
    return null;
  }

  /** {@code text} with its surrogates written as JSON escapes, for the message. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
