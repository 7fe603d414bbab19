package dev.kiln.train;

/** Whether a step evaluated, and if so whether its score is the best so far. */
public enum Checkpoint {
  /** The step did not evaluate. */
  NONE,
  /** The step evaluated and its score equals the highest so far (spaCy counts ties as best). */
  BEST,
  /** The step evaluated and an earlier score is higher. */
  NOT_BEST
}
