package dev.kiln.train;

import java.util.Iterator;

/** The training batches as the loop consumes them: an iterator that can look one batch ahead. */
public interface BatchStream<D extends Datum> extends Iterator<EpochBatch<D>> {
  /** The batch {@link #next} will return; call only after {@link #hasNext} said true. */
  EpochBatch<D> peek();

  /** The position of the next batch to be returned, for resume. */
  BatchCursor cursor();
}
