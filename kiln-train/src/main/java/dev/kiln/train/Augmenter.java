package dev.kiln.train;

import dev.kiln.nn.Rng;

/**
 * Makes variants of training examples on the fly (spaCy's augmenters): each example of each
 * pass over the training corpus is replaced by what {@link #augment} returns — itself, changed
 * copies, or nothing. The random stream is seeded from the run's seed and the pass number, so a
 * resumed run sees the same variants.
 */
@FunctionalInterface
public interface Augmenter<D extends Datum> {
  Iterable<Example<D>> augment(Example<D> example, Rng random);
}
