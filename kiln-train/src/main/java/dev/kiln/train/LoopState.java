package dev.kiln.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The loop's own state between steps, saved with {@code model-last} so a resumed run continues
 * exactly where it stopped.
 *
 * @param nextStep the number of the next step
 * @param checkpoints every evaluation so far
 * @param losses loss totals since the last evaluation
 * @param words words seen so far
 * @param seconds training seconds before this process
 * @param openEpoch the epoch whose batches have begun and whose end the hooks have not seen yet
 *     ({@link Hook#afterEpoch}), if any: a run saved after the last batch of an epoch ends that
 *     epoch when it resumes, and a run saved after ending it does not end it twice
 */
public record LoopState(
    long nextStep, List<ScoreAtStep> checkpoints, Map<String, Double> losses, long words, double seconds,
    OptionalInt openEpoch) {
  public static final LoopState START = new LoopState(0, List.of(), Map.of(), 0, 0.0);

  public LoopState {
    checkpoints = List.copyOf(checkpoints);
    losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
  }

  /** A state with no epoch open. */
  public LoopState(long nextStep, List<ScoreAtStep> checkpoints, Map<String, Double> losses, long words, double seconds) {
    this(nextStep, checkpoints, losses, words, seconds, OptionalInt.empty());
  }
}
