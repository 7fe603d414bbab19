package dev.kiln.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JSON value, optionally with {@code ${...}} references where values stand and inside
 * strings ({@code $$} is a literal {@code $} there, as in Thinc).
 *
 * <p>Numbers follow the reader Thinc uses (ujson) in accepting leading zeros and a trailing
 * {@code .}, and in reading a float beyond the {@code double} range as an infinity
 * ({@code 1e400}) and one below it as zero; integers are {@code Long}, and an integer too large
 * for a {@code Long} makes the text "not JSON", so the value stays a string (see {@link Config}
 * for where this differs from ujson).
 */
final class JsonReader {
  private final String text;
  private final boolean references;
  private int pos;

  private JsonReader(String text, boolean references) {
    this.text = text;
    this.references = references;
  }

  /**
   * The value of {@code text}, or empty when it is not exactly one JSON value.
   *
   * @param references whether {@code ${...}} and {@code $$} are read (config text) or are plain
   *     characters (text already interpolated, command-line values)
   * @throws BadReference for a {@code ${} that is never closed or names nothing
   */
  static Optional<TemplatePart> read(String text, boolean references) {
    JsonReader reader = new JsonReader(text, references);
    try {
      reader.skipSpace();
      TemplatePart part = reader.value();
      reader.skipSpace();
      return reader.pos == text.length() ? Optional.of(part) : Optional.empty();
    } catch (NotJson e) {
      return Optional.empty();
    }
  }

  /** Thrown for a malformed reference: such text is an error, never silently a string. */
  static final class BadReference extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reference;

    BadReference(String reference, String reason) {
      super(reason, null, false, false);
      this.reference = reference;
    }
  }

  private static final class NotJson extends Exception {
    private static final long serialVersionUID = 1L;

    NotJson() {
      super(null, null, false, false);
    }
  }

  private TemplatePart value() throws NotJson {
    if (pos >= text.length()) {
      throw new NotJson();
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      case '$' -> reference();
      default -> number();
    };
  }

  private TemplatePart object() throws NotJson {
    pos++;
    Map<String, TemplatePart> entries = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return literalOf(entries);
    }
    while (true) {
      skipSpace();
      if (peek() != '"' || !(string() instanceof TemplatePart.Literal key)) {
        throw new NotJson(); // keys with references are read as text, as Thinc does
      }
      skipSpace();
      expect(':');
      skipSpace();
      entries.remove((String) key.value()); // a repeated key moves to the end, as in Python
      entries.put((String) key.value(), value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return literalOf(entries);
      }
    }
  }

  private TemplatePart array() throws NotJson {
    pos++;
    List<TemplatePart> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return literalOf(items);
    }
    while (true) {
      skipSpace();
      items.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return literalOf(items);
      }
    }
  }

  private static TemplatePart literalOf(Map<String, TemplatePart> entries) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, TemplatePart> e : entries.entrySet()) {
      if (!(e.getValue() instanceof TemplatePart.Literal literal)) {
        return new TemplatePart.MapOf(entries);
      }
      values.put(e.getKey(), literal.value());
    }
    return new TemplatePart.Literal(values);
  }

  private static TemplatePart literalOf(List<TemplatePart> items) {
    List<Object> values = new ArrayList<>();
    for (TemplatePart item : items) {
      if (!(item instanceof TemplatePart.Literal literal)) {
        return new TemplatePart.ListOf(items);
      }
      values.add(literal.value());
    }
    return new TemplatePart.Literal(values);
  }

  private TemplatePart string() throws NotJson {
    pos++;
    List<Object> pieces = new ArrayList<>();
    StringBuilder chars = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new NotJson();
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        break;
      } else if (c == '\\') {
        chars.append(escape());
      } else if (c < 0x20) {
        throw new NotJson();
      } else if (c == '$' && references) {
        pos = ReferenceScanner.scan(text, pos - 1, chars, pieces);
      } else {
        chars.append(c);
      }
    }
    if (pieces.isEmpty()) {
      return new TemplatePart.Literal(chars.toString());
    }
    if (chars.length() > 0) {
      pieces.add(chars.toString());
    }
    return new TemplatePart.Text(pieces, true);
  }

  private char escape() throws NotJson {
    if (pos >= text.length()) {
      throw new NotJson();
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> throw new NotJson();
    };
  }

  private char unicodeEscape() throws NotJson {
    if (pos + 4 > text.length()) {
      throw new NotJson();
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos++), 16);
      if (digit < 0) {
        throw new NotJson();
      }
      code = code * 16 + digit;
    }
    return (char) code;
  }

  private TemplatePart reference() throws NotJson {
    if (!references || !text.startsWith("${", pos)) {
      throw new NotJson();
    }
    List<Object> pieces = new ArrayList<>();
    pos = ReferenceScanner.scan(text, pos, new StringBuilder(), pieces);
    return new TemplatePart.Ref((Reference) pieces.get(0));
  }

  private TemplatePart word(String word, Object value) throws NotJson {
    if (!text.startsWith(word, pos)) {
      throw new NotJson();
    }
    pos += word.length();
    return new TemplatePart.Literal(value);
  }

  private TemplatePart number() throws NotJson {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = skipDigits();
    if (digits == 0) {
      throw new NotJson();
    }
    boolean integer = true;
    if (peek() == '.') {
      pos++;
      skipDigits();
      integer = false;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (skipDigits() == 0) {
        throw new NotJson();
      }
      integer = false;
    }
    String number = text.substring(start, pos);
    try {
      if (integer) {
        return new TemplatePart.Literal(Long.parseLong(number));
      }
      return new TemplatePart.Literal(Double.parseDouble(number));
    } catch (NumberFormatException e) {
      throw new NotJson();
    }
  }

  private int skipDigits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) throws NotJson {
    if (peek() != c) {
      throw new NotJson();
    }
    pos++;
  }
}
