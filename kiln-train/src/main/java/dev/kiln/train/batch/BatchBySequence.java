package dev.kiln.train.batch;

import dev.kiln.train.Batcher;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayList;
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
    return () -> new LazyBatches<D>() {
      private final java.util.Iterator<Example<D>> source = examples.iterator();
      private long index;

      @Override
      protected List<Example<D>> computeNext() {
        int wanted = Math.max(1, (int) size.applyAsDouble(index++));
        List<Example<D>> batch = new ArrayList<>(Math.min(wanted, 1 << 16));
        while (batch.size() < wanted && source.hasNext()) {
          batch.add(source.next());
        }
        return batch.isEmpty() ? null : batch;
      }
    };
  }
}
