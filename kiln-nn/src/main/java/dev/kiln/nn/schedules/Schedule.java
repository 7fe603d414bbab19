package dev.kiln.nn.schedules;

/**
 * A hyperparameter as a pure function of the training step: a learning rate, a batch size, a
 * dropout rate.
 *
 * <p>Thinc 8's schedules are generators that an optimizer advances once per
 * {@code step_schedules}; value {@code i} of such a generator is {@code valueAt(i)} here. Being
 * a function of the step rather than a generator is what lets a resumed run pick a schedule up
 * at any step without replaying it.
 */
@FunctionalInterface
public interface Schedule {
  /**
   * The value at {@code step} (0 for the first), given the evaluation scores seen so far (only
   * {@link Plateau} looks at them).
   */
  double valueAt(long step, ScoreHistory scores);

  /** The value at {@code step} for schedules that do not depend on scores. */
  default double valueAt(long step) {
    return valueAt(step, ScoreHistory.EMPTY);
  }
}
