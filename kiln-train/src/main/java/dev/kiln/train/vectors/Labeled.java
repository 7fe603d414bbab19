package dev.kiln.train.vectors;

import dev.kiln.train.ClassScores;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import dev.kiln.train.JsonRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feature vector with a class label: the reference record carries the gold label, the
 * predicted one the label and class probabilities a classifier set.
 *
 * @param features the input
 * @param label the class, or null when not (yet) known
 * @param scores the class probabilities a classifier set, or null
 * @param source where the record was read from (an image file, relative to its folder), or null
 */
public record Labeled(FeatureVector features, String label, ClassScores scores, String source)
    implements Datum, JsonRecord {
  /** Counts as one word: a record without tokens. */
  @Override
  public int length() {
    return 1;
  }

  /**
   * The source (when known), the label and, when a classifier set them, the class
   * probabilities keyed by class.
   */
  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (source != null) {
      json.put("source", source);
    }
    json.put("label", label);
    if (scores != null) {
      json.put("scores", scores.byClass());
    }
    return json;
  }

  public Labeled withPrediction(String predicted, ClassScores probabilities) {
    return new Labeled(features, predicted, probabilities, source);
  }

  /** An example whose predicted record has the features and nothing else. */
  public static Example<Labeled> example(FeatureVector features, String label) {
    return example(features, label, null);
  }

  /** As {@link #example(FeatureVector, String)}, for a record read from {@code source}. */
  public static Example<Labeled> example(FeatureVector features, String label, String source) {
    return new Example<>(new Labeled(features, null, null, source), new Labeled(features, label, null, source));
  }
}
