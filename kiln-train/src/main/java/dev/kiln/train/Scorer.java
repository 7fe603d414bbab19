package dev.kiln.train;

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
}
