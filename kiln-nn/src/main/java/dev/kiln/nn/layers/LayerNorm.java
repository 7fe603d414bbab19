package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Ops;

/**
 * Normalises each row to zero mean and unit variance, then scales by {@code G} and shifts by
 * {@code b} (both of width nI); Thinc's {@code LayerNorm}.
 */
public final class LayerNorm {
  private static final float EPSILON = 1e-8f;

  private LayerNorm() {}

  /** @param nI the row width, inferred from sample input when null */
  @Registered(category = "layers", name = "LayerNorm.v1")
  public static Model<Floats, Floats> create(@Default("null") Integer nI) {
    return Model.<Floats, Floats>builder("layernorm", LayerNorm::forward)
        .init(LayerNorm::init)
        .dim("nI", nI)
        .dim("nO", nI)
        .params("G", "b")
        .build();
  }

  private static void init(Model<Floats, Floats> model, Floats x, Floats y) {
    if (x != null) {
      model.setDim("nI", x.cols());
    }
    if (y != null) {
      model.setDim("nI", y.cols());
    }
    int nI = model.getDim("nI");
    model.setDim("nO", nI);
    Floats g = Floats.zeros(nI);
    java.util.Arrays.fill(g.data(), 1f);
    model.setParam("G", g);
    model.setParam("b", Floats.zeros(nI));
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int nI = model.getDim("nI");
    Dense.checkInput(model, x, nI);
    int rows = x.rows();
    float[] in = x.data();
    float[] g = model.getParam("G").data();
    float[] b = model.getParam("b").data();
    float[] xhat = new float[in.length];
    float[] invStd = new float[rows];
    Floats y = Floats.zeros(x.shape());
    float[] out = y.data();
    // Rows are independent: split over the pool (same bits as one pass).
    Ops.get().pool().parallelFor(rows, rowsPerTask(nI), (first, end) -> {
      for (int i = first; i < end; i++) {
        normalizeRow(in, i * nI, nI, g, b, xhat, out, i * nI, invStd, i);
      }
    });
    Backprop<Floats, Floats> backprop = dY -> backward(model, dY, xhat, invStd, rows, nI);
    return new ForwardResult<>(y, backprop);
  }

  /**
   * Row {@code i}, read from {@code in} at {@code from} and written to {@code xhat} and
   * {@code out} at {@code to}, in float32 as Thinc's numpy code computes it: the sums keep four
   * partial accumulators (so the CPU overlaps the additions) and the last loop has no
   * dependence between entries, so the JIT turns it into vector instructions.
   */
  static void normalizeRow(float[] in, int from, int nI, float[] g, float[] b,
      float[] xhat, float[] out, int to, float[] invStd, int i) {
    float mean = sum(in, from, nI) / nI;
    float var = squaredDeviations(in, from, nI, mean) / nI;
    float inv = (float) (1.0 / Math.sqrt(var + EPSILON));
    invStd[i] = inv;
    for (int j = 0; j < nI; j++) {
      float h = (in[from + j] - mean) * inv;
      xhat[to + j] = h;
      out[to + j] = h * g[j] + b[j];
    }
  }

  private static float sum(float[] values, int from, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = from;
    int end = from + n;
    for (; j + 3 < end; j += 4) {
      s0 += values[j];
      s1 += values[j + 1];
      s2 += values[j + 2];
      s3 += values[j + 3];
    }
    for (; j < end; j++) {
      s0 += values[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static float squaredDeviations(float[] values, int from, int n, float mean) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = from;
    int end = from + n;
    for (; j + 3 < end; j += 4) {
      float d0 = values[j] - mean;
      float d1 = values[j + 1] - mean;
      float d2 = values[j + 2] - mean;
      float d3 = values[j + 3] - mean;
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < end; j++) {
      float d = values[j] - mean;
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code dX} of one row, in float32 with four partial sums as {@link #normalizeRow}. */
  private static void rowGradient(float[] d, float[] g, float[] xhat, float[] dx, int row, int nI,
      float invStd) {
    float sum0 = 0;
    float sum1 = 0;
    float dot0 = 0;
    float dot1 = 0;
    int j = 0;
    for (; j + 1 < nI; j += 2) {
      float dh0 = d[row + j] * g[j];
      float dh1 = d[row + j + 1] * g[j + 1];
      sum0 += dh0;
      sum1 += dh1;
      dot0 += dh0 * xhat[row + j];
      dot1 += dh1 * xhat[row + j + 1];
    }
    for (; j < nI; j++) {
      float dh = d[row + j] * g[j];
      sum0 += dh;
      dot0 += dh * xhat[row + j];
    }
    float meanDh = (sum0 + sum1) / nI;
    float meanDot = (dot0 + dot1) / nI;
    for (int k = 0; k < nI; k++) {
      dx[row + k] = invStd * (d[row + k] * g[k] - meanDh - xhat[row + k] * meanDot);
    }
  }

  /** Rows per pool task: enough values that a task outweighs handing it out. */
  static int rowsPerTask(int nI) {
    return Math.max(1, 4096 / Math.max(1, nI));
  }

  static Floats backward(Model<Floats, Floats> model, Floats dY, float[] xhat,
      float[] invStd, int rows, int nI) {
    float[] d = dY.data();
    float[] g = model.getParam("G").data();
    float[] dG = model.grad("G").data();
    float[] db = model.grad("b").data();
    Floats dX = Floats.zeros(dY.shape());
    float[] dx = dX.data();
    // dG and db sum over rows: split by columns, each still summed in row order, so the
    // result does not depend on the split. Each task sums into copies of its columns, written
    // back at the end: two threads adding into neighbouring entries on every row would share a
    // cache line. dX is per row.
    Ops.get().pool().parallelFor(nI, 16, (from, to) -> {
      float[] gSums = java.util.Arrays.copyOfRange(dG, from, to);
      float[] bSums = java.util.Arrays.copyOfRange(db, from, to);
      for (int i = 0; i < rows; i++) {
        int row = i * nI + from;
        for (int j = 0; j < to - from; j++) {
          gSums[j] += d[row + j] * xhat[row + j];
          bSums[j] += d[row + j];
        }
      }
      System.arraycopy(gSums, 0, dG, from, gSums.length);
      System.arraycopy(bSums, 0, db, from, bSums.length);
    });
    Ops.get().pool().parallelFor(rows, rowsPerTask(nI), (first, end) -> {
      for (int i = first; i < end; i++) {
        rowGradient(d, g, xhat, dx, i * nI, nI, invStd[i]);
      }
    });
    return dX;
  }
}
