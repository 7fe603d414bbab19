package dev.kiln.text.quickstart;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * spaCy's {@code combine_score_weights}: the components' default score weights merged in
 * pipeline order (a later component's weight for the same score wins), then each divided by
 * the sum of all and rounded to two decimals, so that they sum to 1. Null weights stay null.
 */
final class NormalisedWeights {
  private NormalisedWeights() {}

  static Map<String, Double> of(Collection<Map<String, Double>> perComponent) {
    Map<String, Double> merged = new LinkedHashMap<>();
    perComponent.forEach(merged::putAll);
    double sum = 0;
    for (Double weight : merged.values()) {
      sum += weight == null ? 0 : weight;
    }
    Map<String, Double> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : merged.entrySet()) {
      Double weight = entry.getValue();
      if (weight != null && sum > 0) {
        weight = Math.round(weight / sum * 100) / 100.0;
      }
      normalised.put(entry.getKey(), weight);
    }
    return normalised;
  }
}
