package dev.kiln.nn.layers;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;

/** The table lookups shared by {@link Embed} and {@link HashEmbed}. */
final class Lookup {
  private Lookup() {}

  /** The ids of the input: the array itself, or its {@code column} attr for 2-d input. */
  static int[] ids(Model<Ints, Floats> model, Ints x) {
    Object column = model.attrs().get("column");
    if (x.shape().length == 1 || column == null) {
      return x.data();
    }
    int col = ((Number) column).intValue();
    int[] ids = new int[x.rows()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = x.data()[i * x.cols() + col];
    }
    return ids;
  }

  /**
   * Sums {@code perRow} rows of {@code E} per output row: output row {@code i} is the sum of
   * rows {@code rows[i·perRow + k]}; backprop scatters the gradient back.
   */
  static ForwardResult<Ints, Floats> gather(Model<Ints, Floats> model, int[] rows, int perRow,
      Ints x, boolean isTrain) {
    int nO = model.getParam("E").cols();
    Floats y = Floats.zeros(rows.length / perRow, nO);
    BlockGradient gradient = gatherInto(model, rows, perRow, isTrain, y.data(), 0, nO);
    return new ForwardResult<>(y, dY -> {
      gradient.scatter(dY.data(), 0, nO);
      return noGradient(x);
    });
  }

  /** Adds the gradient of a block of output columns into the table's gradient. */
  interface BlockGradient {
    /** The block's gradient is {@code d[i·stride + offset + j]} for output row i, column j. */
    void scatter(float[] d, int offset, int stride);
  }

  /**
   * {@link #gather} into the column block of a zeroed wider matrix that starts at column
   * {@code offset} of rows {@code stride} long, so that concatenated lookups need not be copied
   * side by side afterwards ({@link HashEmbed#concatenated}).
   */
  static BlockGradient gatherInto(Model<Ints, Floats> model, int[] rows, int perRow,
      boolean isTrain, float[] out, int offset, int stride) {
    Floats table = model.getParam("E");
    int nO = table.cols();
    int n = rows.length / perRow;
    float[] e = table.data();
    // Output rows are independent.
    Ops.get().pool().parallelFor(n, Math.max(1, 4096 / Math.max(1, nO * perRow)), (first, end) -> {
      if (perRow == 4) {
        sumFour(e, rows, nO, out, offset, stride, first, end);
        return;
      }
      for (int i = first; i < end; i++) {
        for (int k = 0; k < perRow; k++) {
          int src = rows[i * perRow + k] * nO;
          for (int j = 0; j < nO; j++) {
            out[i * stride + offset + j] += e[src + j];
          }
        }
      }
    });
    float[] mask = columnMask(model, nO, isTrain);
    if (mask != null) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < nO; j++) {
          out[i * stride + offset + j] *= mask[j];
        }
      }
    }
    return (d, dOffset, dStride) -> {
      float[] grad = model.grad("E").data();
      // Rows repeat, so the scatter is split by table rows: each thread scans every lookup and
      // adds those into its own rows, so each gradient entry is summed by one thread in lookup
      // order. (Split by columns, two threads would write the two halves of the same rows,
      // sharing a cache line on every write.)
      int nV = table.rows();
      Ops.get().pool().parallelFor(nV, 16, (from, to) -> {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < perRow; k++) {
            int row = rows[i * perRow + k];
            if (row < from || row >= to) {
              continue;
            }
            addRow(d, i * dStride + dOffset, mask, grad, row * nO, nO);
          }
        }
      });
    };
  }

  /** Ids have no gradient; Thinc returns zeros of the input's shape. */
  static Ints noGradient(Ints x) {
    return x.shape().length == 2 ? Ints.of(new int[x.size()], x.rows(), x.cols())
        : Ints.of(new int[x.size()]);
  }

  /**
   * Output rows {@code [first, end)} as sums of four table rows each (HashEmbed's four hashes),
   * kept in a register instead of added to the output row four times; the sum starts from zero
   * and adds the rows in order, as the general loop does, so the bits are the same.
   */
  private static void sumFour(float[] e, int[] rows, int nO, float[] out, int offset,
      int stride, int first, int end) {
    for (int i = first; i < end; i++) {
      int r0 = rows[i * 4] * nO;
      int r1 = rows[i * 4 + 1] * nO;
      int r2 = rows[i * 4 + 2] * nO;
      int r3 = rows[i * 4 + 3] * nO;
      int to = i * stride + offset;
      for (int j = 0; j < nO; j++) {
        out[to + j] = (0f + e[r0 + j]) + e[r1 + j] + e[r2 + j] + e[r3 + j];
      }
    }
  }

  /** {@code grad[to..] += d[from..]} (times the column mask, if any) over one row of nO values. */
  private static void addRow(float[] d, int from, float[] mask, float[] grad, int to, int nO) {
    if (mask == null) {
      for (int j = 0; j < nO; j++) {
        grad[to + j] += d[from + j];
      }
    } else {
      for (int j = 0; j < nO; j++) {
        grad[to + j] += d[from + j] * mask[j];
      }
    }
  }

  private static float[] columnMask(Model<?, ?> model, int nO, boolean isTrain) {
    Object rate = model.attrs().get("dropout_rate");
    if (!isTrain || rate == null || ((Number) rate).doubleValue() == 0) {
      return null;
    }
    float[] mask = new float[nO];
    Kernels.dropoutMask(model.rng().nextLong(), ((Number) rate).floatValue(), mask, 0, nO);
    return mask;
  }
}
