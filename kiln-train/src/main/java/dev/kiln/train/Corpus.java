package dev.kiln.train;

/** Training or evaluation data that can be read again and again (spaCy's corpus callable). */
@FunctionalInterface
public interface Corpus<D extends Datum> {
  /** A fresh pass over the examples; each call reads the data again. */
  Iterable<Example<D>> read();
}
