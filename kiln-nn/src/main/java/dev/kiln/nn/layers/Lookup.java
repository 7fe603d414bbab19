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
      int[] ids, Ints x, boolean isTrain) {
    Floats table = model.getParam("E");
    int nO = table.cols();
    int n = rows.length / perRow;
    Floats y = Floats.zeros(n, nO);
    float[] e = table.data();
    float[] out = y.data();
    // Output rows are independent.
    Ops.get().pool().parallelFor(n, Math.max(1, 4096 / Math.max(1, nO * perRow)), (first, end) -> {
      for (int i = first; i < end; i++) {
        for (int k = 0; k < perRow; k++) {
          int src = rows[i * perRow + k] * nO;
          for (int j = 0; j < nO; j++) {
            out[i * nO + j] += e[src + j];
          }
        }
      }
    });
    float[] mask = columnMask(model, nO, isTrain);
    if (mask != null) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < nO; j++) {
          out[i * nO + j] *= mask[j];
        }
      }
    }
    return new ForwardResult<>(y, dY -> {
      float[] d = dY.data();
      float[] grad = model.grad("E").data();
      // Rows repeat, so the scatter is split by columns: each gradient entry is still summed by
      // one thread, in row order.
      Ops.get().pool().parallelFor(nO, 16, (from, to) -> {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < perRow; k++) {
            int dst = rows[i * perRow + k] * nO;
            for (int j = from; j < to; j++) {
              grad[dst + j] += mask == null ? d[i * nO + j] : d[i * nO + j] * mask[j];
            }
          }
        }
      });
      // Ids have no gradient; Thinc returns zeros of the input's shape.
      return x.shape().length == 2 ? Ints.of(new int[x.size()], x.rows(), x.cols())
          : Ints.of(new int[x.size()]);
    });
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
