package dev.kiln.config;

import java.util.List;

/** Splits text at {@code ${...}} references and reads {@code $$} as a literal {@code $}. */
final class ReferenceScanner {
  private ReferenceScanner() {}

  /**
   * Reads the {@code $} at {@code dollar}: a {@code $$} appends {@code $} to {@code chars}; a
   * reference moves the pending {@code chars} into {@code pieces} and adds the {@link Reference};
   * any other {@code $} is kept as a character (Thinc refuses it; kiln reads it literally).
   *
   * @return the position just after what was read
   * @throws JsonReader.BadReference when a {@code ${} is not closed or is empty
   */
  static int scan(String text, int dollar, StringBuilder chars, List<Object> pieces) {
    char next = dollar + 1 < text.length() ? text.charAt(dollar + 1) : '\0';
    if (next == '$') {
      chars.append('$');
      return dollar + 2;
    }
    if (next != '{') {
      chars.append('$');
      return dollar + 1;
    }
    int close = text.indexOf('}', dollar + 2);
    if (close < 0) {
      String shown = text.substring(dollar, Math.min(text.length(), dollar + 40));
      throw new JsonReader.BadReference(shown, "it has no closing }");
    }
    String inside = text.substring(dollar + 2, close);
    if (inside.isBlank() || !inside.strip().equals(inside)) {
      throw new JsonReader.BadReference("${" + inside + "}", "it names nothing");
    }
    if (chars.length() > 0) {
      pieces.add(chars.toString());
      chars.setLength(0);
    }
    pieces.add(new Reference(inside));
    return close + 1;
  }

  /** The pieces of text that is not JSON: strings and references, {@code $$} read as {@code $}. */
  static List<Object> pieces(String text) {
    List<Object> pieces = new java.util.ArrayList<>();
    StringBuilder chars = new StringBuilder();
    int pos = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '$') {
        pos = scan(text, pos, chars, pieces);
      } else {
        chars.append(c);
        pos++;
      }
    }
    if (chars.length() > 0 || pieces.isEmpty()) {
      pieces.add(chars.toString());
    }
    return pieces;
  }
}
