package dev.kiln.train;

/**
 * What a reader does with a bad row, an unreadable image or an unused column (emloop's
 * {@code on_unused_sources} policy): stop with a coded error, or skip it and count it, with or
 * without a warning.
 */
public enum ProblemPolicy {
  /** Stop with a coded error naming the file (and line). */
  ERROR,
  /** Skip and count; log one warning with the count at the end of the pass. */
  WARN,
  /** Skip and count silently. */
  IGNORE
}
