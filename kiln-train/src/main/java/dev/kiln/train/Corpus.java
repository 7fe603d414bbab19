package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;

/** Training or evaluation data that can be read again and again (spaCy's corpus callable). */
@FunctionalInterface
public interface Corpus<D extends Datum> {
  /** A fresh pass over the examples; each call reads the data again. */
  Iterable<Example<D>> read();

  /**
   * This corpus as {@code kiln predict} reads it: data that is to be annotated has no labels, so
   * a reader that otherwise requires them (a CSV file's label column) reads records without
   * them. Readers whose labels are optional anyway return themselves.
   */
  default Corpus<D> unlabeled() {
    return this;
  }

  /**
   * A reader's {@code limit} setting, checked: the most examples to read, 0 for all.
   *
   * @throws dev.kiln.config.KilnException E217 for a negative limit
   */
  static int limit(int limit) {
    if (limit < 0) {
      throw new RejectedArgument("limit", ErrorCode.E217, limit);
    }
    return limit;
  }
}
