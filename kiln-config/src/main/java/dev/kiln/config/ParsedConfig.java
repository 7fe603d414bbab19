package dev.kiln.config;

import java.util.List;
import java.util.Map;

/**
 * A config tree with the text each non-string value was written as, which Thinc substitutes when
 * the value is referenced inside a string ({@code 1e-8} stays {@code 1e-8}, not {@code 1.0E-8}).
 *
 * @param root the tree; values may still be {@link Template}s
 * @param rawTexts the written text of literal non-string values, by path (sections then key)
 */
record ParsedConfig(Section root, Map<List<String>, String> rawTexts) {
  ParsedConfig {
    rawTexts = Map.copyOf(rawTexts);
  }
}
