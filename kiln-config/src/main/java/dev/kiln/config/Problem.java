package dev.kiln.config;

import java.util.List;

/**
 * One thing wrong in a config, at a path such as {@code training -> optimizer -> learn_rate}.
 *
 * @param path the keys from the root to the offending value; empty for the whole config
 * @param line the 1-based line in the source file, or 0 when unknown
 * @param message what was expected, what was found and what to try
 */
public record Problem(List<String> path, int line, String message) {
  public Problem {
    path = List.copyOf(path);
  }

  /** The path as users read it: {@code training -> optimizer -> learn_rate}. */
  public String pathText() {
    return String.join(" -> ", path);
  }

  @Override
  public String toString() {
    String where = path.isEmpty() ? "(config)" : pathText();
    return line > 0 ? where + " (line " + line + "): " + message : where + ": " + message;
  }
}
