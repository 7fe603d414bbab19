package dev.kiln.train;

import java.util.List;

/** One step of the training loop: the batch it trained on, its info, and its checkpoint kind. */
public record StepResult<D extends Datum>(List<Example<D>> batch, StepInfo info, Checkpoint checkpoint) {}
