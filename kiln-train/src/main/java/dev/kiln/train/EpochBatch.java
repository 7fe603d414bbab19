package dev.kiln.train;

import java.util.List;

/** A training batch and the epoch it belongs to. */
public record EpochBatch<D extends Datum>(int epoch, List<Example<D>> examples) {}
