package dev.kiln.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between two configs, key by key ({@code training.optimizer.learn_rate: 0.01 ->
 * 0.02}), after interpolation: for telling a user what changed since a run was saved.
 */
public final class ConfigDiff {
  private ConfigDiff() {}

  /** Each changed, added or removed key as one line, in the order of {@code before} then {@code after}. */
  public static List<String> between(Config before, Config after) {
    Map<String, Object> old = flatten(before.interpolate().root());
    Map<String, Object> now = flatten(after.interpolate().root());
    List<String> changes = new ArrayList<>();
    old.forEach((key, value) -> {
      if (!now.containsKey(key)) {
        changes.add(key + ": removed (was " + ValueText.of(value) + ")");
      } else if (!java.util.Objects.equals(value, now.get(key))) {
        changes.add(key + ": " + ValueText.of(value) + " -> " + ValueText.of(now.get(key)));
      }
    });
    now.forEach((key, value) -> {
      if (!old.containsKey(key)) {
        changes.add(key + ": added (" + ValueText.of(value) + ")");
      }
    });
    return changes;
  }

  private static Map<String, Object> flatten(Section section) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten(section, "", flat);
    return flat;
  }

  private static void flatten(Section section, String prefix, Map<String, Object> flat) {
    section.entries().forEach((key, value) -> {
      if (value instanceof Section child) {
        flatten(child, prefix + key + ".", flat);
      } else {
        flat.put(prefix + key, value);
      }
    });
  }
}
