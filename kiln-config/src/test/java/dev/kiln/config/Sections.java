package dev.kiln.config;

/** Builds config trees for tests, as the parser and interpolator would. */
final class Sections {
  private Sections() {}

  /** A section from alternating keys and values, each key on its own line from {@code line + 1}. */
  static Section at(int line, Object... keysAndValues) {
    Section section = new Section(line);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      section.put((String) keysAndValues[i], keysAndValues[i + 1], line + 1 + i / 2);
    }
    return section;
  }

  /** A section from alternating keys and values, lines unknown. */
  static Section of(Object... keysAndValues) {
    Section section = new Section();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      section.put((String) keysAndValues[i], keysAndValues[i + 1], 0);
    }
    return section;
  }
}
