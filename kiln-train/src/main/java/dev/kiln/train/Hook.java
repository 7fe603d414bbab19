package dev.kiln.train;

import java.util.Map;

/**
 * Code that runs at the loop's few events (emloop's hooks). Every method has a no-op default; a
 * hook asks to stop by returning a {@link StopDecision}, never by throwing. Hooks with state
 * save and restore it, so that a resumed run behaves as if it never stopped.
 */
public interface Hook {
  /**
   * Before the first step, also of a resumed run: {@code firstStep} steps, {@code epochsDone}
   * epochs and {@code secondsDone} seconds of training are behind it. A hook whose limit the run
   * already reached stops it here, so that resuming a run it stopped trains nothing more.
   */
  default StopDecision beforeTraining(long firstStep, int epochsDone, double secondsDone) {
    return StopDecision.CONTINUE;
  }

  /** After every step, evaluated or not. */
  default StopDecision afterBatch(StepInfo info) {
    return StopDecision.CONTINUE;
  }

  /** After a step that evaluated; {@code best} says whether its score is the best so far. */
  default StopDecision afterEvaluation(StepInfo info, boolean best) {
    return StopDecision.CONTINUE;
  }

  /** After the last batch of an epoch, with where the epoch's time went. */
  default StopDecision afterEpoch(int epoch, EpochProfile profile) {
    return StopDecision.CONTINUE;
  }

  /** After training, whether it ended normally ({@code success}) or by an error. */
  default void afterTraining(boolean success) {}

  /** This hook's state as JSON-ready values, saved with each checkpoint. */
  default Map<String, Object> state() {
    return Map.of();
  }

  /** Restores what {@link #state} saved. */
  default void restore(Map<String, Object> state) {}
}
