package dev.kiln.train;

import dev.kiln.config.Config;
import dev.kiln.config.Section;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the overrides of a filled config, where {@code --training.score_weights.NAME} may also
 * name a score the config does not list yet: {@code [training.score_weights]} is a table of score
 * names, open as in spaCy, whose defaults (each component's own weights) kiln adds only when the
 * run starts. Such an override sets the weight as writing {@code NAME = value} in that section
 * does: a null logs the score without weighing it, and a name no component reports is refused
 * at the first evaluation (E204). Every other override must name a key the config has (E024).
 */
final class ScoreWeightOverrides {
  private static final String PREFIX = "training.score_weights.";

  private ScoreWeightOverrides() {}

  /** {@code config} (defaults written) with {@code overrides} applied. */
  static Config apply(Config config, Map<String, Object> overrides) {
    Map<String, Object> others = new LinkedHashMap<>();
    Map<String, Object> weights = new LinkedHashMap<>();
    overrides.forEach((key, value) -> {
      if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
        weights.put(key.substring(PREFIX.length()), value);
      } else {
        others.put(key, value);
      }
    });
    Config overridden = config.withOverrides(others);
    Section training = overridden.root().section("training").orElse(null);
    if (weights.isEmpty() || training == null || !training.has("score_weights")) {
      return overridden.withOverrides(prefixed(weights));
    }
    Section table = new Section(training.lineOf("score_weights"));
    if (training.get("score_weights") instanceof Section written) {
      written.entries().forEach((name, weight) -> table.put(name, weight, written.lineOf(name)));
    } else if (training.get("score_weights") instanceof Map<?, ?> inline) {
      inline.forEach((name, weight) -> table.put(String.valueOf(name), weight));
    } else {
      return overridden.withOverrides(prefixed(weights));
    }
    weights.forEach(table::put);
    return overridden.withOverrides(Map.of("training.score_weights", table));
  }

  private static Map<String, Object> prefixed(Map<String, Object> weights) {
    Map<String, Object> keys = new LinkedHashMap<>();
    weights.forEach((name, weight) -> keys.put(PREFIX + name, weight));
    return keys;
  }
}
