package dev.kiln.train.log;

import dev.kiln.train.StepInfo;

/**
 * Reports training progress: spaCy's logger, a setup that returns {@code log_step} and
 * {@code finalize}. {@link #start} is the setup; the session it returns gets every step and is
 * closed in a {@code finally}.
 */
@FunctionalInterface
public interface TrainLogger {
  Session start(LogContext context);

  /** One training run's logging. */
  interface Session extends AutoCloseable {
    /** Called after every step; {@code evaluated} says whether the step ran an evaluation. */
    void logStep(StepInfo info, boolean evaluated);

    /**
     * The state to save with a checkpoint so a resumed run continues the same log (for files:
     * their length), as JSON-ready values; empty when there is none.
     */
    default java.util.Map<String, Object> state() {
      return java.util.Map.of();
    }

    @Override
    void close();
  }
}
