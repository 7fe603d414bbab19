package dev.kiln.train;

import dev.kiln.config.ConfigDiff;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings a component factory gained after runs may have been saved, each with the default it
 * was given. A run saved before has the setting missing from its filled config, and trained as
 * the default does: for {@code --resume} the key then appearing with that default is no change,
 * where any other value still is.
 */
final class LaterDefaults {
  /** spaCy's tagger {@code neg_prefix} (with it, {@code "!NN"} tags became negative ones). */
  private static final List<LaterDefault> SETTINGS = List.of(new LaterDefault("tagger", "neg_prefix", "!"));

  private LaterDefaults() {}

  /**
   * {@code changes} without the keys that were added with their later default.
   *
   * @param now the new config, flattened as {@link ConfigDiff#flatten} does
   */
  static List<ConfigDiff.Change> withoutAddedDefaults(List<ConfigDiff.Change> changes, Map<String, Object> now) {
    return changes.stream().filter(change -> !isAddedDefault(change, now)).toList();
  }

  private static boolean isAddedDefault(ConfigDiff.Change change, Map<String, Object> now) {
    if (change.kind() != ConfigDiff.Change.Kind.ADDED || !change.key().startsWith("components.")) {
      return false;
    }
    String path = change.key().substring("components.".length());
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String component = path.substring(0, dot);
    String key = path.substring(dot + 1);
    String factory = factory(now, "components." + component + ".");
    return SETTINGS.stream().anyMatch(setting -> setting.factory().equals(factory) && setting.key().equals(key)
        && Objects.equals(setting.defaultValue(), change.after()));
  }

  /** The component's factory by spaCy's bare name ({@code "tagger"} also for {@code "tagger.v1"}), or "". */
  private static String factory(Map<String, Object> now, String prefix) {
    Object factory = now.getOrDefault(prefix + "factory", now.get(prefix + "@factories"));
    return factory instanceof String name ? name.replaceFirst("\\.v\\d+$", "") : "";
  }

  private record LaterDefault(String factory, String key, Object defaultValue) {}
}
