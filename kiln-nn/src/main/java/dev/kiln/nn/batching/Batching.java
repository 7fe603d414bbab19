package dev.kiln.nn.batching;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts data into batches, as Thinc's {@code ops.minibatch} and {@code ops.multibatch}.
 *
 * <p>The batch size is a number or a schedule: batch {@code k} of a pass has size
 * {@code (int) size.valueAt(k)}, the last one cut short by the end of the data. Sizes are drawn
 * once, when the batches are made, so every pass has the same sizes.
 */
public final class Batching {
  private Batching() {}

  /** Batches of {@code size} items of one sequence. */
  public static <B> SizedBatches<B> minibatch(
      Schedule size, Sliceable<B> sequence, BatchOptions options) {
    int length = sequence.length();
    return new SizedBatches<>(length, sizes(size, length), options,
        (order, range) -> sequence.take(order, range[0], range[1]));
  }

  /** Batches of {@code size} items of one sequence. */
  public static <B> SizedBatches<B> minibatch(int size, Sliceable<B> sequence,
      BatchOptions options) {
    return minibatch(new Constant(size), sequence, options);
  }

  /** Batches of two sequences of the same length, cut at the same items. */
  public static <A, B> SizedBatches<Pair<A, B>> multibatch(
      Schedule size, Sliceable<A> first, Sliceable<B> second, BatchOptions options) {
    int length = sameLength(List.of(first, second));
    return new SizedBatches<>(length, sizes(size, length), options,
        (order, range) -> new Pair<>(first.take(order, range[0], range[1]),
            second.take(order, range[0], range[1])));
  }

  /** Batches of two sequences of the same length, cut at the same items. */
  public static <A, B> SizedBatches<Pair<A, B>> multibatch(
      int size, Sliceable<A> first, Sliceable<B> second, BatchOptions options) {
    return multibatch(new Constant(size), first, second, options);
  }

  /** Batches of any number of sequences of the same length: one list per batch. */
  public static SizedBatches<List<Object>> multibatch(
      Schedule size, List<? extends Sliceable<?>> sequences, BatchOptions options) {
    int length = sameLength(sequences);
    return new SizedBatches<>(length, sizes(size, length), options, (order, range) -> {
      List<Object> batch = new ArrayList<>(sequences.size());
      for (Sliceable<?> sequence : sequences) {
        batch.add(sequence.take(order, range[0], range[1]));
      }
      return batch;
    });
  }

  /** Thinc's {@code _get_batch_sizes}: draw sizes until they cover the data. */
  static int[] sizes(Schedule size, int length) {
    List<Integer> sizes = new ArrayList<>();
    long covered = 0;
    while (covered < length) {
      double value = size.valueAt(sizes.size());
      if (!(value >= 1)) {
        throw new KilnException(ErrorCode.E180, "the batch size at batch " + sizes.size(),
            "at least 1", value);
      }
      int next = (int) Math.min(value, Integer.MAX_VALUE);
      sizes.add(next);
      covered += next;
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int sameLength(List<? extends Sliceable<?>> sequences) {
    if (sequences.isEmpty()) {
      throw new KilnException(ErrorCode.E180, "the number of sequences", "at least 1", 0);
    }
    int length = sequences.get(0).length();
    for (Sliceable<?> sequence : sequences) {
      if (sequence.length() != length) {
        throw new KilnException(ErrorCode.E180, "every sequence's length",
            "the same as the first's (" + length + ")", sequence.length());
      }
    }
    return length;
  }
}
