package dev.kiln.train;

import java.util.List;

/**
 * Groups examples into batches (spaCy's {@code batchers}). A batcher is deterministic: the same
 * examples in the same order give the same batches, which is what exact resume relies on.
 */
@FunctionalInterface
public interface Batcher<D extends Datum> {
  Iterable<List<Example<D>>> batch(Iterable<Example<D>> examples);
}
