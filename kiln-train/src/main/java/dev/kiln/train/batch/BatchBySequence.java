package dev.kiln.train.batch;

import dev.kiln.train.Batcher;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/** spaCy's {@code batch_by_sequence}: batches of a number of examples, the n-th of size {@code size(n)}. */
public final class BatchBySequence<D extends Datum> implements Batcher<D> {
  private final LongToDoubleFunction size;

  public BatchBySequence(LongToDoubleFunction size) {
    this.size = size;
  }

  @Override
  public Iterable<List<Example<D>>> batch(Iterable<Example<D>> examples) {
    if (examples instanceof List<Example<D>> list) {
      return () -> slices(list);
    }
    return () -> new LazyBatches<D>() {
      private final Iterator<Example<D>> source = examples.iterator();
      private long index;

      @Override
      protected List<Example<D>> computeNext() {
        int wanted = sizeOf(index++);
        List<Example<D>> batch = new ArrayList<>(Math.min(wanted, 1 << 16));
        while (batch.size() < wanted && source.hasNext()) {
          batch.add(source.next());
        }
        return batch.isEmpty() ? null : batch;
      }
    };
  }

  /**
   * The same batches from a corpus held in memory (a shuffled training pass), each copied from a
   * range of the list in one go rather than example by example.
   */
  private Iterator<List<Example<D>>> slices(List<Example<D>> list) {
    return new LazyBatches<D>() {
      private int start;
      private long index;

      @Override
      protected List<Example<D>> computeNext() {
        if (start >= list.size()) {
          return null;
        }
        int end = (int) Math.min(list.size(), (long) start + sizeOf(index++));
        List<Example<D>> batch = new ArrayList<>(list.subList(start, end));
        start = end;
        return batch;
      }
    };
  }

  private int sizeOf(long batchIndex) {
    return Math.max(1, (int) size.applyAsDouble(batchIndex));
  }
}
