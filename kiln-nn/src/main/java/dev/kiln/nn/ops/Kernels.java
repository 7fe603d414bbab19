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

  /** {@code y = max(y + bias, 0)} row by row, in one pass. */
  public static void addBiasRelu(float[] y, int rows, int cols, float[] bias) {
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      for (int j = 0; j < cols; j++) {
        y[row + j] = Math.max(y[row + j] + bias[j], 0f);
      }
    }
  }

  /**
   * {@code out = y > 0 ? dy : 0}: the ReLU gradient, given ReLU's output {@code y >= 0}.
   * Branch-free so the JIT vectorises it: scaling any positive float by 2^254 overflows past 1,
   * so the clamp is exactly 1 for {@code y > 0} and 0 for {@code y == 0}.
   */
  public static void reluBackward(float[] dy, float[] y, float[] out, int n) {
    for (int i = 0; i < n; i++) {
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

  /**
   * Fills {@code mask} with an inverted-dropout mask: each entry is 0 with probability
   * {@code rate}, else {@code 1 / (1 - rate)}. Draws 16 bits per entry, 4 entries per call.
   */
  public static void dropoutMask(Rng rng, float[] mask, int n, float rate) {
    int threshold = Math.round(rate * 65536f);
    float keep = 1f / (1f - rate);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long bits = rng.nextLong();
      mask[i] = keep * keepBit((int) bits & 0xFFFF, threshold);
      mask[i + 1] = keep * keepBit((int) (bits >>> 16) & 0xFFFF, threshold);
      mask[i + 2] = keep * keepBit((int) (bits >>> 32) & 0xFFFF, threshold);
      mask[i + 3] = keep * keepBit((int) (bits >>> 48) & 0xFFFF, threshold);
    }
    for (; i < n; i++) {
      mask[i] = keep * keepBit((int) rng.nextLong() & 0xFFFF, threshold);
    }
  }

  /** 1 when {@code draw >= threshold}, else 0, without a branch (masks are unpredictable). */
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
    for (int i = 0; i < n; i++) {
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

  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  /** GELU with the tanh approximation: {@code 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³)))}. */
  public static void gelu(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      y[i] = (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
    }
  }

  /** The gradient of {@link #gelu} at {@code x}, times {@code dy}. */
  public static void geluBackward(float[] dy, float[] x, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double inner = SQRT_2_OVER_PI * (v + 0.044715 * v * v * v);
      double t = Math.tanh(inner);
      double dInner = SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
      out[i] = (float) (dy[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner));
    }
  }
}
