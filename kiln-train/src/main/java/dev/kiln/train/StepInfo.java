package dev.kiln.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What loggers and hooks see after every step (spaCy's {@code info} dict).
 *
 * @param epoch epochs completed when the batch was drawn
 * @param step the step just done, from 0
 * @param score the main score of this step's evaluation, or null when it did not evaluate
 * @param otherScores every score of this step's evaluation; empty when it did not evaluate
 * @param losses loss totals since the last evaluation, by component
 * @param checkpoints every evaluation so far, in order
 * @param seconds whole seconds of training so far
 * @param words words (record lengths) seen so far
 */
public record StepInfo(
    int epoch,
    long step,
    Double score,
    Map<String, Object> otherScores,
    Map<String, Double> losses,
    List<ScoreAtStep> checkpoints,
    long seconds,
    long words) {
  public StepInfo {
    otherScores = Collections.unmodifiableMap(new LinkedHashMap<>(otherScores));
    losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
    checkpoints = List.copyOf(checkpoints);
  }

  /** Whether this step ran an evaluation. */
  public boolean evaluated() {
    return score != null;
  }
}
