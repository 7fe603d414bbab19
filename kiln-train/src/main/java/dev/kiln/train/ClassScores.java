package dev.kiln.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's probabilities for one record, one per class in the classifier's output order.
 *
 * @param classes the class labels, shared by every prediction of the classifier
 * @param values the probability of each class
 */
public record ClassScores(List<String> classes, float[] values) {
  public ClassScores {
    if (classes.size() != values.length) {
      throw new IllegalArgumentException(values.length + " scores for " + classes.size() + " classes");
    }
  }

  /** The probabilities keyed by class, in output order: {@code {"cat": 0.9, "dog": 0.1}}, as textcat's cats. */
  public Map<String, Float> byClass() {
    Map<String, Float> json = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      json.put(classes.get(i), values[i]);
    }
    return json;
  }
}
