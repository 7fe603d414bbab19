package dev.kiln.train.batch;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import dev.kiln.train.Batcher;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * spaCy's {@code batch_by_words}: batches of about {@code size} words, allowed to run over by
 * {@code tolerance} (a fraction of the size) through an overflow buffer; an example longer than
 * size plus tolerance is a batch of its own, or dropped with {@code discard_oversize}.
 */
public final class BatchByWords<D extends Datum> implements Batcher<D> {
  private final LongToDoubleFunction size;
  private final double tolerance;
  private final boolean discardOversize;

  public BatchByWords(LongToDoubleFunction size, double tolerance, boolean discardOversize) {
    if (!(tolerance >= 0)) {
      throw new RejectedArgument("tolerance", ErrorCode.E180, "tolerance", "at least 0", tolerance);
    }
    this.size = size;
    this.tolerance = tolerance;
    this.discardOversize = discardOversize;
  }

  @Override
  public Iterable<List<Example<D>>> batch(Iterable<Example<D>> examples) {
    return () -> new Batching(examples.iterator());
  }

  /** spaCy's generator as a state machine; {@code ready} holds batches decided but not yet taken. */
  private final class Batching extends LazyBatches<D> {
    private final Iterator<Example<D>> source;
    private final Deque<List<Example<D>>> ready = new ArrayDeque<>();
    private long sizeIndex;
    private double target;
    private double tolerated;
    private List<Example<D>> batch = new ArrayList<>();
    private List<Example<D>> overflow = new ArrayList<>();
    private long batchWords;
    private long overflowWords;
    private boolean finished;

    Batching(Iterator<Example<D>> source) {
      this.source = source;
      nextTarget();
    }

    @Override
    protected List<Example<D>> computeNext() {
      while (ready.isEmpty() && !finished) {
        if (source.hasNext()) {
          add(source.next());
        } else {
          batch.addAll(overflow);
          emit(batch);
          finished = true;
        }
      }
      return ready.poll();
    }

    private void add(Example<D> example) {
      int words = example.length();
      if (words > target + tolerated) {
        if (!discardOversize) {
          ready.add(List.of(example));
        }
      } else if (overflowWords == 0 && batchWords + words <= target) {
        batch.add(example);
        batchWords += words;
      } else if (batchWords + overflowWords + words <= target + tolerated) {
        overflow.add(example);
        overflowWords += words;
      } else {
        emit(batch);
        nextTarget();
        batch = overflow;
        batchWords = overflowWords;
        overflow = new ArrayList<>();
        overflowWords = 0;
        if (batchWords + words <= target) {
          batch.add(example);
          batchWords += words;
        } else if (batchWords + words <= target + tolerated) {
          overflow.add(example);
          overflowWords += words;
        } else {
          emit(batch);
          nextTarget();
          batch = new ArrayList<>(List.of(example));
          batchWords = words;
        }
      }
    }

    private void emit(List<Example<D>> done) {
      if (!done.isEmpty()) {
        ready.add(done);
      }
    }

    private void nextTarget() {
      target = size.applyAsDouble(sizeIndex++);
      tolerated = target * tolerance;
    }
  }
}
