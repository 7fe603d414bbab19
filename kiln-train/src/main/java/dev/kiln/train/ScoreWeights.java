package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
