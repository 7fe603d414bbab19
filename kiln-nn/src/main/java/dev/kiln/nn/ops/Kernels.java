package dev.kiln.nn.ops;

import dev.kiln.nn.Rng;
import java.util.Arrays;

/**
 * Element-wise and row-wise float kernels: plain counted loops that the JIT vectorises, fused
 * where a layer would otherwise pass over the same data twice. All work on arrays the caller
 * owns and allocate nothing.
 */
public final class Kernels {
  private Kernels() {}

  /** Multiplies an m×n block with leading dimension {@code ld} by {@code factor}. */
  public static void scale(float[] x, int off, int ld, int m, int n, float factor) {
    for (int i = 0; i < m; i++) {
      int row = off + i * ld;
      if (factor == 0f) {
        Arrays.fill(x, row, row + n, 0f);
      } else {
        for (int j = row; j < row + n; j++) {
          x[j] *= factor;
        }
      }
    }
  }

  /** Adds {@code bias} (length cols) to every row of the rows×cols matrix {@code y}. */
  public static void addBias(float[] y, int rows, int cols, float[] bias) {
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      for (int j = 0; j < cols; j++) {
        y[row + j] += bias[j];
      }
    }
  }

  /** Copies {@code bias} (length cols) into every row of the rows×cols matrix {@code y}. */
  public static void fillRows(float[] y, int rows, int cols, float[] bias) {
    fillRows(y, 0, rows, cols, bias);
  }

  /** {@link #fillRows} over rows {@code [from, to)}. */
  public static void fillRows(float[] y, int from, int to, int cols, float[] bias) {
    for (int i = from; i < to; i++) {
      System.arraycopy(bias, 0, y, i * cols, cols);
    }
  }

  /**
   * {@code y = max(y, 0)} over a flat range: one flat loop, which the JIT vectorises (the same
   * loop nested over rows and columns is three times slower).
   */
  public static void relu(float[] y, int n) {
    relu(y, 0, n);
  }

  /** {@link #relu} over {@code y[from, to)}. */
  public static void relu(float[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = Math.max(y[i], 0f);
    }
  }

  /**
   * {@code out = y > 0 ? dy : 0}: the ReLU gradient, given ReLU's output {@code y >= 0}.
   * Branch-free so the JIT vectorises it: scaling any positive float by 2^254 overflows past 1,
   * so the clamp is exactly 1 for {@code y > 0} and 0 for {@code y == 0}.
   */
  public static void reluBackward(float[] dy, float[] y, float[] out, int n) {
    reluBackward(dy, y, out, 0, n);
  }

  /** {@link #reluBackward} over {@code [from, to)}. */
  public static void reluBackward(float[] dy, float[] y, float[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = dy[i] * Math.min(y[i] * 0x1p127f * 0x1p127f, 1f);
    }
  }

  /** Adds the column sums of the rows×cols matrix {@code x} to {@code acc} (bias gradients). */
  public static void addColumnSums(float[] x, int rows, int cols, float[] acc) {
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      for (int j = 0; j < cols; j++) {
        acc[j] += x[row + j];
      }
    }
  }

  /** Replaces each row of the rows×cols matrix {@code x} by its softmax, stably. */
  public static void softmaxRows(float[] x, int rows, int cols) {
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = row; j < row + cols; j++) {
        max = Math.max(max, x[j]);
      }
      float sum = 0f;
      for (int j = row; j < row + cols; j++) {
        float e = (float) Math.exp(x[j] - max);
        x[j] = e;
        sum += e;
      }
      float inv = 1f / sum;
      for (int j = row; j < row + cols; j++) {
        x[j] *= inv;
      }
    }
  }

  /** Entries per independently seeded block of a dropout mask. */
  public static final int DROPOUT_BLOCK = 4096;

  /**
   * Applies entries {@code [from, to)} of an inverted-dropout mask, {@code y[i] = x[i] ·
   * mask[i]}, without storing the mask: each {@code mask[i]} is 0 with probability {@code rate},
   * else {@code 1 / (1 - rate)}. Block {@code b} of {@link #DROPOUT_BLOCK} entries draws from its
   * own SplitMix64 stream seeded by {@code key} and {@code b}, so the mask depends only on the
   * key, not on how blocks are spread over threads; dropout applies it to the input, then again
   * to the gradient. {@code from} must start a block; {@code y} may be {@code x}. Draws 16 bits
   * per entry, four entries per draw, without branches (masks are unpredictable).
   */
  public static void applyDropoutMask(long key, float rate, float[] x, float[] y, int from,
      int to) {
    int threshold = Math.round(rate * 65536f);
    float keep = 1f / (1f - rate);
    for (int start = from; start < to; start += DROPOUT_BLOCK) {
      int end = Math.min(to, start + DROPOUT_BLOCK);
      long state = splitMix(key + (start / DROPOUT_BLOCK) * 0x9E3779B97F4A7C15L);
      int i = start;
      for (; i + 4 <= end; i += 4) {
        state += 0x9E3779B97F4A7C15L;
        long bits = splitMix(state);
        y[i] = x[i] * (keep * keepBit((int) bits & 0xFFFF, threshold));
        y[i + 1] = x[i + 1] * (keep * keepBit((int) (bits >>> 16) & 0xFFFF, threshold));
        y[i + 2] = x[i + 2] * (keep * keepBit((int) (bits >>> 32) & 0xFFFF, threshold));
        y[i + 3] = x[i + 3] * (keep * keepBit((int) (bits >>> 48), threshold));
      }
      state += 0x9E3779B97F4A7C15L;
      long bits = splitMix(state);
      for (int k = 0; i < end; i++, k++) {
        y[i] = x[i] * (keep * keepBit((int) (bits >>> (16 * k)) & 0xFFFF, threshold));
      }
    }
  }

  /**
   * ReLU then inverted dropout on {@code y[from, to)} in place: the values {@link #relu} and
   * {@link #applyDropoutMask} give one after the other, in one pass over memory.
   */
  public static void reluThenDropout(long key, float rate, float[] y, int from, int to) {
    relu(y, from, to);
    applyDropoutMask(key, rate, y, y, from, to);
  }

  /**
   * The gradient through {@link #reluThenDropout}, given its output {@code y}: {@code out =
   * dy · keep} where {@code y > 0}, else 0. An entry is positive exactly when ReLU passed it and
   * dropout kept it, so the mask need not be drawn again; the products are those of dropout's
   * gradient followed by {@link #reluBackward}.
   */
  public static void reluDropoutBackward(float[] dy, float[] y, float keep, float[] out,
      int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = dy[i] * keep * Math.min(y[i] * 0x1p127f * 0x1p127f, 1f);
    }
  }

  /** The mask {@link #applyDropoutMask} applies, written to {@code mask[from, to)}. */
  public static void dropoutMask(long key, float rate, float[] mask, int from, int to) {
    Arrays.fill(mask, from, to, 1f);
    applyDropoutMask(key, rate, mask, mask, from, to);
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 1 when {@code draw >= threshold}, else 0, without a branch. */
  private static float keepBit(int draw, int threshold) {
    return 1 - ((draw - threshold) >>> 31);
  }

  /** {@code out[i] = a[i] * b[i]}. */
  public static void multiply(float[] a, float[] b, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = a[i] * b[i];
    }
  }

  /** {@code out[i] = a[i] + b[i]}. */
  public static void add(float[] a, float[] b, float[] out, int n) {
    add(a, b, out, 0, n);
  }

  /** {@code out[i] = a[i] + b[i]} for {@code i} in {@code [from, to)}. */
  public static void add(float[] a, float[] b, float[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = a[i] + b[i];
    }
  }

  /** {@code acc[i] += x[i]}. */
  public static void addInPlace(float[] acc, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      acc[i] += x[i];
    }
  }

  /** The logistic function, in place. */
  public static void sigmoid(float[] x, int n) {
    for (int i = 0; i < n; i++) {
      x[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
    }
  }

  /** {@code out = dy · y · (1 - y)}: the logistic gradient, given its output {@code y}. */
  public static void sigmoidBackward(float[] dy, float[] y, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = dy[i] * y[i] * (1f - y[i]);
    }
  }

  /** {@code y = x · sigmoid(x)} (Swish / SiLU). */
  public static void swish(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) (x[i] / (1.0 + Math.exp(-x[i])));
    }
  }

  /** The Swish gradient {@code dy · (y + sigmoid(x) · (1 - y))}, given input and output. */
  public static void swishBackward(float[] dy, float[] x, float[] y, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float s = (float) (1.0 / (1.0 + Math.exp(-x[i])));
      out[i] = dy[i] * (y[i] + s * (1f - y[i]));
    }
  }

  private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** Exact GELU, {@code x · Φ(x)} with Φ the standard normal CDF, as Thinc's {@code gelu}. */
  public static void gelu(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      y[i] = (float) (v * 0.5 * (1 + erf(v * INV_SQRT_2)));
    }
  }

  /** The gradient of {@link #gelu} at {@code x}, {@code Φ(x) + x·φ(x)}, times {@code dy}. */
  public static void geluBackward(float[] dy, float[] x, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double cdf = 0.5 * (1 + erf(v * INV_SQRT_2));
      double pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
      out[i] = (float) (dy[i] * (cdf + v * pdf));
    }
  }

  /**
   * The error function, to a relative error below 1.2e-7 (ample for float32): the Chebyshev
   * fit of erfc from Numerical Recipes, §6.2.
   */
  static double erf(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1 - erfc : erfc - 1;
  }
}
