package dev.kiln.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a config: the keys from the root and the line it was written on.
 *
 * @param path the keys from the root, e.g. {@code [training, optimizer, learn_rate]}
 * @param line the 1-based line in the source file, or 0 when unknown
 */
record Location(List<String> path, int line) {
  static final Location ROOT = new Location(List.of(), 0);

  Location {
    path = List.copyOf(path);
  }

  /** The location of {@code key} inside this one, written on {@code line} (0 when unknown). */
  Location child(String key, int line) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return new Location(longer, line);
  }

  /** The path as users read it: {@code training -> optimizer -> learn_rate}. */
  String text() {
    return path.isEmpty() ? "(config)" : String.join(" -> ", path);
  }
}
