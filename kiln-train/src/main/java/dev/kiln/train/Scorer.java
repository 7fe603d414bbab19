package dev.kiln.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A component that scores its predictions against references. */
public interface Scorer<D extends Datum> extends Component<D> {
  /**
   * Scores by name ({@code cats_score}, {@code tag_acc}, ...): numbers, or nested maps such as
   * per-type figures, which can be logged but not weighted.
   */
  Map<String, Object> score(List<Example<D>> examples);

  /** The weights this component's scores get in the main score unless the config says otherwise. */
  Map<String, Double> defaultScoreWeights();

  /**
   * One type's precision, recall and F as spaCy's per-type scores hold them, always in that
   * order (JSON written from {@code Map.of} changed order between JVM runs).
   */
  static Map<String, Double> prf(double p, double r, double f) {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("p", p);
    scores.put("r", r);
    scores.put("f", f);
    return scores;
  }
}
