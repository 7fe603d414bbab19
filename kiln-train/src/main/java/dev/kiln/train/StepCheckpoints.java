package dev.kiln.train;

/** A hook capability: asks for periodic step checkpoints ({@code checkpoints/step-N}). */
public interface StepCheckpoints {
  /** Whether to save a step checkpoint after this step. */
  boolean due(StepInfo info);

  /** How many step checkpoints to keep; older ones are deleted. */
  int keep();
}
