package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The main score: the weighted sum of scores by {@code score_weights} (spaCy's
 * {@code create_evaluation_callback}). Null weights are left out.
 *
 * <p>Unlike spaCy, which silently drops a weighted metric that no component reports, kiln refuses
 * it and lists the metrics that are available.
 */
public final class ScoreWeights {
  private final Map<String, Double> weights;
  private final List<String> metrics;

  /** Weights by metric name; null values mean "log it but do not weigh it". */
  public ScoreWeights(Map<String, Double> weights) {
    this.metrics = List.copyOf(weights.keySet());
    Map<String, Double> kept = new LinkedHashMap<>();
    weights.forEach((metric, weight) -> {
      if (weight != null) {
        kept.put(metric, weight);
      }
    });
    this.weights = kept;
  }

  /**
   * spaCy's {@code combine_score_weights}, which gives a run its weights: the components' default
   * weights merged in pipeline order (a later component's weight for the same score wins), then
   * those {@code [training.score_weights]} sets put over them, then each divided by the sum of all
   * and rounded to two decimals, so that they sum to 1. A null weight (configured as null) logs
   * the score without weighing it; to leave a component's default out, weigh it 0 or null.
   */
  public static Map<String, Double> combine(
      Collection<Map<String, Double>> defaults, Map<String, Optional<Double>> configured) {
    Map<String, Double> merged = new LinkedHashMap<>();
    defaults.forEach(merged::putAll);
    configured.forEach((metric, weight) -> merged.put(metric, weight.orElse(null)));
    double sum = 0;
    for (Double weight : merged.values()) {
      sum += weight == null ? 0 : weight;
    }
    Map<String, Double> combined = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : merged.entrySet()) {
      Double weight = entry.getValue();
      if (weight != null && sum > 0) {
        weight = Math.round(weight / sum * 100) / 100.0;
      }
      combined.put(entry.getKey(), weight);
    }
    return combined;
  }

  public Map<String, Double> weights() {
    return weights;
  }

  /**
   * Every metric named, weighed or only logged (null weight), in order: what {@code meta.json}
   * reports as the pipeline's performance, as spaCy's does.
   */
  public List<String> metrics() {
    return metrics;
  }

  /** The weighted sum of {@code scores}. */
  public double mainScore(Map<String, Object> scores) {
    double sum = 0.0;
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      Object value = scores.get(weight.getKey());
      if (value == null) {
        throw new KilnException(ErrorCode.E204, weight.getKey(), String.join(", ", new TreeSet<>(scores.keySet())));
      }
      if (!(value instanceof Number number)) {
        throw new KilnException(ErrorCode.E205, weight.getKey(), value.getClass().getSimpleName());
      }
      sum += number.doubleValue() * weight.getValue();
    }
    return sum;
  }
}
