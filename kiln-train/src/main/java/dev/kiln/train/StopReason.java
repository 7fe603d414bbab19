package dev.kiln.train;

/** Why training stopped, as recorded in {@code meta.json} and printed at the end. */
public record StopReason(Kind kind, String detail) {
  /** The kinds of stop. */
  public enum Kind {
    /** {@code patience} steps without a better score. */
    PATIENCE,
    /** {@code max_steps} reached. */
    MAX_STEPS,
    /** {@code max_epochs} passes done. */
    MAX_EPOCHS,
    /** A hook asked to stop. */
    HOOK,
    /** Ctrl-C. */
    INTERRUPTED,
    /** A library caller stopped its {@link TrainingSession}. */
    REQUESTED
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + (detail.isEmpty() ? "" : ": " + detail);
  }
}
