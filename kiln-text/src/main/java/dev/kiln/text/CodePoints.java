package dev.kiln.text;

/**
 * Character offsets as JSONL data writes them: counted in code points, as Python's {@code str}
 * (and so spaCy) counts them, where a Java string counts UTF-16 units. The two differ after any
 * character beyond the Basic Multilingual Plane (an emoji, say), which takes two units; read as
 * units, a spaCy entity after an emoji fell one character short of its tokens.
 */
final class CodePoints {
  private CodePoints() {}

  /** The number of code points in {@code text}: its length as offsets count it. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The UTF-16 index of code point {@code offset} of {@code text} (0 to {@link #length}). */
  static int toIndex(String text, int offset) {
    return text.offsetByCodePoints(0, offset);
  }

  /** The code point offset of UTF-16 index {@code index} of {@code text}. */
  static int toOffset(String text, int index) {
    return text.codePointCount(0, index);
  }
}
