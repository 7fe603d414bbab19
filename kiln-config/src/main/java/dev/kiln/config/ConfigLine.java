package dev.kiln.config;

/** One logical line of config text: a section header or a key with its (joined) value text. */
sealed interface ConfigLine {
  /** The 1-based line where it starts. */
  int line();

  /** A {@code [name]} header. */
  record Header(int line, String name) implements ConfigLine {}

  /** A {@code key = value} line with its continuation lines joined by {@code \n}. */
  record Assignment(int line, String key, String raw) implements ConfigLine {}
}
