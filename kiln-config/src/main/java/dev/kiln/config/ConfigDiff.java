package dev.kiln.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between two configs, key by key ({@code training.optimizer.learn_rate: 0.01 ->
 * 0.02}), after interpolation: for telling a user what changed since a run was saved.
 */
public final class ConfigDiff {
  private ConfigDiff() {}

  /**
   * One changed, added or removed key, by its dotted path after interpolation.
   *
   * @param key the dotted path, e.g. {@code training.max_steps}
   * @param kind whether the key changed its value, was added or was removed
   * @param before its value in the first config (null if added, or if the value is null)
   * @param after its value in the second config (null if removed, or if the value is null)
   */
  public record Change(String key, Kind kind, Object before, Object after) {
    /** How a key differs. */
    public enum Kind { CHANGED, ADDED, REMOVED }

    /** As one line: {@code training.max_steps: 60 -> 120}, {@code x: added (1)}, {@code x: removed (was 1)}. */
    @Override
    public String toString() {
      return switch (kind) {
        case ADDED -> key + ": added (" + ValueText.of(after) + ")";
        case REMOVED -> key + ": removed (was " + ValueText.of(before) + ")";
        case CHANGED -> key + ": " + ValueText.of(before) + " -> " + ValueText.of(after);
      };
    }
  }

  /** Each changed, added or removed key as one line, in the order of {@code before} then {@code after}. */
  public static List<String> between(Config before, Config after) {
    return changes(before, after).stream().map(Change::toString).toList();
  }

  /** Each changed, added or removed key, in the order of {@code before} then {@code after}. */
  public static List<Change> changes(Config before, Config after) {
    return changes(flatten(before), flatten(after));
  }

  /** As {@link #changes(Config, Config)}, for configs already {@link #flatten flattened}. */
  public static List<Change> changes(Map<String, Object> old, Map<String, Object> now) {
    List<Change> changes = new ArrayList<>();
    old.forEach((key, value) -> {
      if (!now.containsKey(key)) {
        changes.add(new Change(key, Change.Kind.REMOVED, value, null));
      } else if (!Objects.equals(value, now.get(key))) {
        changes.add(new Change(key, Change.Kind.CHANGED, value, now.get(key)));
      }
    });
    now.forEach((key, value) -> {
      if (!old.containsKey(key)) {
        changes.add(new Change(key, Change.Kind.ADDED, null, value));
      }
    });
    return changes;
  }

  /** Whether the keys two {@link #flatten flattened} configs share come in another order. */
  public static boolean reordered(Map<String, Object> before, Map<String, Object> after) {
    List<String> kept = before.keySet().stream().filter(after::containsKey).toList();
    return !kept.equals(after.keySet().stream().filter(before::containsKey).toList());
  }

  /** Every key of {@code config}, interpolated, by its dotted path, with its value. */
  public static Map<String, Object> flatten(Config config) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten(config.interpolate().root(), "", flat);
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
