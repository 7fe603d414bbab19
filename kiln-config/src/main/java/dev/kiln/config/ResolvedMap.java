package dev.kiln.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resolved section: an ordered map that still knows the line of each key, so that problems
 * found when it is bound to a record can name the line.
 */
final class ResolvedMap extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, Integer> lines = new HashMap<>();

  void put(String key, Object value, int line) {
    put(key, value);
    lines.put(key, line);
  }

  /** The 1-based line of {@code key}, 0 when unknown. */
  int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }

  /** The line of {@code key} in {@code map} if it remembers lines, else {@code fallback}. */
  static int lineOf(Map<?, ?> map, String key, int fallback) {
    if (map instanceof ResolvedMap resolved && resolved.lineOf(key) > 0) {
      return resolved.lineOf(key);
    }
    return fallback;
  }
}
