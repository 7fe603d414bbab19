package dev.kiln.train;

/** What to do with an empty batch or an empty stream (emloop's {@code on_empty_batch}). */
public enum EmptyPolicy {
  /** Skip it silently. */
  IGNORE,
  /** Skip it and log a warning. */
  WARN,
  /** Stop with a coded error. */
  ERROR
}
