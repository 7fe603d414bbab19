package dev.kiln.config;

/** What a section name between dots may contain, so that {@code [a.b]} headers read back. */
final class SectionNames {
  private SectionNames() {}

  /** Non-empty, without dots, brackets or white space. */
  static boolean isValidPart(String part) {
    return !part.isEmpty()
        && part.chars().noneMatch(c -> Character.isWhitespace(c) || c == '.' || c == '[' || c == ']');
  }
}
