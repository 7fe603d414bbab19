package dev.kiln.train;

import java.util.Map;

/**
 * A hook capability: decides what happens when a step's loss is NaN or infinite, before the
 * optimizer applies the step's gradients.
 */
public interface LossGuard {
  /** What to do instead of applying a step whose loss is not finite; when guards disagree the later (stricter) one wins. */
  enum Action {
    /** Apply the step anyway (what spaCy and Thinc do). */
    APPLY,
    /** Discard the step's gradients and go on with the next batch. */
    SKIP,
    /** Discard the gradients and restore the weights and optimizer of the last checkpoint. */
    ROLLBACK,
    /**
     * Discard the step and stop training before it: it does not count, and a resumed run trains
     * its batch again (with the same config and data, to stop there again).
     */
    STOP
  }

  Action onNonFiniteLoss(long step, Map<String, Double> stepLosses);
}
