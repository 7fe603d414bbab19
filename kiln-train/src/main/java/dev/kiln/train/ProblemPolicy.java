package dev.kiln.train;

/**
 * What to do with a bad row, an unreadable image, an unused column, an empty batch or an empty
 * stream (emloop's {@code on_unused_sources} and {@code on_empty_batch} policies): stop with a
 * coded error, or skip it (counting skipped records), with or without a warning.
 */
public enum ProblemPolicy {
  /** Stop with a coded error naming what was wrong (the file and line, for data). */
  ERROR,
  /** Skip it and log a warning (for bad records, one with their count at the end of the pass). */
  WARN,
  /** Skip it silently (bad records are still counted). */
  IGNORE
}
