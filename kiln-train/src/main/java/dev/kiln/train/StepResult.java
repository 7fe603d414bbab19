package dev.kiln.train;

import java.util.List;

/**
 * One step of the training loop: the batch it trained on, its info, its checkpoint kind, and
 * what became of its update.
 */
public record StepResult<D extends Datum>(
    List<Example<D>> batch, StepInfo info, Checkpoint checkpoint, Update update) {
  /** What became of the step's gradients. */
  public enum Update {
    /** The optimizer applied them. */
    APPLIED,
    /** A loss guard discarded them (the loss was not finite). */
    SKIPPED,
    /** A loss guard discarded them and asks the trainer to restore the last checkpoint's weights. */
    ROLLBACK,
    /**
     * A loss guard discarded them and stopped training: the step does not count (the loop's
     * state is the one before it, its batch not taken), so a resumed run trains that batch again.
     */
    STOPPED
  }

  public StepResult(List<Example<D>> batch, StepInfo info, Checkpoint checkpoint) {
    this(batch, info, checkpoint, Update.APPLIED);
  }
}
