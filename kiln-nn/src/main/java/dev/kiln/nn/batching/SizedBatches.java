package dev.kiln.nn.batching;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * Batches that know how many they are and can be iterated again, as Thinc's
 * {@code SizedGenerator}: each pass cuts the same batch sizes; a shuffled one draws a new order
 * per pass, pass {@code k} from the seed and {@code k} alone, so runs repeat exactly.
 *
 * @param <B> the type of one batch
 */
public final class SizedBatches<B> implements Iterable<B> {
  private final int length;
  private final int[] sizes;
  private final BatchOptions options;
  private final BiFunction<int[], int[], B> cut;
  private int passes;

  /**
   * @param length the number of items
   * @param sizes the size of every batch; they add up to at least {@code length}
   * @param cut makes one batch from the order of items and {@code {from, to}} into it
   */
  SizedBatches(int length, int[] sizes, BatchOptions options, BiFunction<int[], int[], B> cut) {
    this.length = length;
    this.sizes = sizes;
    this.options = options;
    this.cut = cut;
  }

  /** The number of batches in one pass. */
  public int size() {
    return sizes.length;
  }

  /** The batch sizes of one pass, the last one possibly cut short by the end of the data. */
  public int[] batchSizes() {
    int[] actual = sizes.clone();
    int start = 0;
    for (int i = 0; i < actual.length; i++) {
      actual[i] = Math.min(actual[i], length - start);
      start += sizes[i];
    }
    return actual;
  }

  @Override
  public Iterator<B> iterator() {
    int[] order = order(passes++);
    return new Iterator<>() {
      private final ArrayDeque<B> queue = new ArrayDeque<>();
      private int next;
      private int start;

      @Override
      public boolean hasNext() {
        return !queue.isEmpty() || next < sizes.length;
      }

      @Override
      public B next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        while (queue.size() < options.buffer() && next < sizes.length) {
          int end = Math.min(start + sizes[next], length);
          queue.add(cut.apply(order, new int[] {start, end}));
          start += sizes[next];
          next++;
        }
        return queue.poll();
      }
    };
  }

  private int[] order(int pass) {
    if (options.shuffle()) {
      return PassOrder.shuffled(length, options.seed(), pass);
    }
    int[] order = new int[length];
    for (int i = 0; i < length; i++) {
      order[i] = i;
    }
    return order;
  }
}
