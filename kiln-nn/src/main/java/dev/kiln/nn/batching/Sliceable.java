package dev.kiln.nn.batching;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence that can be cut into batches: a list, or the rows of an array.
 *
 * @param <B> the type of one batch
 */
public interface Sliceable<B> {
  /** The number of items (rows). */
  int length();

  /** A new batch holding the items at {@code indices[from..to)}, in that order. */
  B take(int[] indices, int from, int to);

  /** The items of a list; a batch is a new list. */
  static <T> Sliceable<List<T>> of(List<T> items) {
    return new Sliceable<>() {
      @Override
      public int length() {
        return items.size();
      }

      @Override
      public List<T> take(int[] indices, int from, int to) {
        List<T> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          batch.add(items.get(indices[i]));
        }
        return batch;
      }
    };
  }

  /** The rows of an array (the first dimension); a batch is a contiguous copy. */
  static Sliceable<Floats> of(Floats rows) {
    return new Sliceable<>() {
      @Override
      public int length() {
        return rows.rows();
      }

      @Override
      public Floats take(int[] indices, int from, int to) {
        int width = rows.cols();
        float[] source = rows.data();
        float[] batch = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
          System.arraycopy(source, indices[i] * width, batch, (i - from) * width, width);
        }
        int[] shape = rows.shape();
        shape[0] = to - from;
        return Floats.of(batch, shape);
      }
    };
  }

  /** The rows of an int array; a batch is a contiguous copy. */
  static Sliceable<Ints> of(Ints rows) {
    return new Sliceable<>() {
      @Override
      public int length() {
        return rows.rows();
      }

      @Override
      public Ints take(int[] indices, int from, int to) {
        int width = rows.cols();
        int[] source = rows.data();
        int[] batch = new int[(to - from) * width];
        for (int i = from; i < to; i++) {
          System.arraycopy(source, indices[i] * width, batch, (i - from) * width, width);
        }
        return rows.shape().length == 1 ? Ints.of(batch) : Ints.of(batch, to - from, width);
      }
    };
  }
}
