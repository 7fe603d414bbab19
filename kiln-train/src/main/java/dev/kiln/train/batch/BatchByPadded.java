package dev.kiln.train.batch;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import dev.kiln.train.Batcher;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * spaCy's {@code batch_by_padded}: takes {@code buffer} examples at a time, groups them by
 * length so that each group's padded size (longest length times count) stays within
 * {@code size}, and yields the groups longest first. With {@code discard_oversize}, a group
 * whose padded size reaches the size is dropped (spaCy drops equal sizes too).
 */
public final class BatchByPadded<D extends Datum> implements Batcher<D> {
  private final LongToDoubleFunction size;
  private final int buffer;
  private final boolean discardOversize;

  public BatchByPadded(LongToDoubleFunction size, int buffer, boolean discardOversize) {
    // A buffer of 0 sequences never fills, and the batcher would wait for it forever.
    if (buffer < 1) {
      throw new RejectedArgument("buffer", ErrorCode.E180, "buffer", "at least 1", buffer);
    }
    this.size = size;
    this.buffer = buffer;
    this.discardOversize = discardOversize;
  }

  @Override
  public Iterable<List<Example<D>>> batch(Iterable<Example<D>> examples) {
    return () -> new LazyBatches<D>() {
      private final Iterator<Example<D>> source = examples.iterator();
      private final Deque<List<Example<D>>> ready = new ArrayDeque<>();
      private long sizeIndex;

      @Override
      protected List<Example<D>> computeNext() {
        while (ready.isEmpty() && source.hasNext()) {
          List<Example<D>> outer = new ArrayList<>(buffer);
          while (outer.size() < buffer && source.hasNext()) {
            outer.add(source.next());
          }
          double target = size.applyAsDouble(sizeIndex++);
          for (List<Integer> group : groupByLength(outer, target)) {
            List<Example<D>> batch = new ArrayList<>(group.size());
            int longest = 0;
            for (int index : group) {
              batch.add(outer.get(index));
              longest = Math.max(longest, outer.get(index).length());
            }
            if (!(discardOversize && (double) longest * batch.size() >= target)) {
              ready.add(batch);
            }
          }
        }
        return ready.poll();
      }
    };
  }

  /** Indices grouped greedily in ascending length; groups returned longest first, indices sorted. */
  static <D extends Datum> List<List<Integer>> groupByLength(List<Example<D>> examples, double maxPadded) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int byLength = Integer.compare(examples.get(a).length(), examples.get(b).length());
      return byLength != 0 ? byLength : Integer.compare(a, b);
    });
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> group = new ArrayList<>();
    for (int index : order) {
      int length = examples.get(index).length();
      if (!group.isEmpty() && (double) length * (group.size() + 1) > maxPadded) {
        groups.add(group);
        group = new ArrayList<>();
      }
      group.add(index);
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    for (List<Integer> each : groups) {
      Collections.sort(each);
    }
    Collections.reverse(groups);
    return groups;
  }
}
