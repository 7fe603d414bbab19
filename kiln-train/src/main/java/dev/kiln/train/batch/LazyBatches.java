package dev.kiln.train.batch;

import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An iterator of batches computed one at a time, so a streamed corpus is never held in memory
 * whole. {@link #computeNext} returns null at the end.
 */
abstract class LazyBatches<D extends Datum> implements Iterator<List<Example<D>>> {
  private List<Example<D>> next;
  private boolean done;

  protected abstract List<Example<D>> computeNext();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final List<Example<D>> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<Example<D>> batch = next;
    next = null;
    return batch;
  }
}
