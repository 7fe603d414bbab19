package dev.kiln.nn.optimizers;

import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.ops.WorkPool;

/**
 * The element-wise loops optimizers share, written plainly so that the JIT vectorises them. Each
 * rounds to float32 where Thinc's numpy code does. Large arrays (embedding tables) are split
 * over kiln's pool; each entry's result does not depend on the split.
 */
final class Kernels {
  /** Entries below which an array is updated on the calling thread alone. */
  static final int PARALLEL_GRAIN = 16_384;
  /** Entries per partial sum of squares: fixed, so a norm does not depend on the thread count. */
  private static final int NORM_BLOCK = 1 << 15;

  private Kernels() {}

  /** Runs {@code body} over {@code [0, size)}, split over the pool when the array is large. */
  static void forRange(int size, WorkPool.Chunk body) {
    Ops.get().pool().parallelFor(size, PARALLEL_GRAIN, body);
  }

  /** {@code gradient += scale * weights}: the L2 penalty as a gradient term. */
  static void addScaled(float[] gradient, float[] weights, float scale) {
    forRange(gradient.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        gradient[i] += scale * weights[i];
      }
    });
  }

  /**
   * Scales {@code gradient} down so its L2 norm is at most {@code threshold}; a norm equal to the
   * threshold is rescaled too, as in Thinc.
   */
  static void clipNorm(float[] gradient, float threshold) {
    int blocks = (gradient.length + NORM_BLOCK - 1) / NORM_BLOCK;
    double[] partial = new double[blocks];
    Ops.get().pool().parallelFor(blocks, 1, (first, end) -> {
      for (int block = first; block < end; block++) {
        partial[block] = sumOfSquares(gradient, block * NORM_BLOCK,
            Math.min(gradient.length, (block + 1) * NORM_BLOCK));
      }
    });
    double total = 0;
    for (double sum : partial) {
      total += sum;
    }
    // numpy takes the square root of a float32 sum of squares
    float norm = (float) Math.sqrt((float) total);
    if (norm >= threshold) {
      float factor = threshold / norm;
      forRange(gradient.length, (from, to) -> {
        for (int i = from; i < to; i++) {
          gradient[i] *= factor;
        }
      });
    }
  }

  private static double sumOfSquares(float[] values, int from, int to) {
    // Four running sums let the CPU overlap the additions (a single sum is a serial chain).
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += values[i] * (double) values[i];
      s1 += values[i + 1] * (double) values[i + 1];
      s2 += values[i + 2] * (double) values[i + 2];
      s3 += values[i + 3] * (double) values[i + 3];
    }
    for (; i < to; i++) {
      s0 += values[i] * (double) values[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code weights -= rate * weights}: decoupled weight decay. */
  static void decay(float[] weights, float rate) {
    forRange(weights.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        weights[i] -= rate * weights[i];
      }
    });
  }

  /**
   * Thinc's parameter average: an exponential moving average whose decay grows with the update
   * count {@code t} as {@code (1 + t) / (10 + t)}, capped at 0.9999.
   */
  static void updateAverage(float[] average, float[] weights, int t) {
    double decay = Math.min((1.0 + t) / (10.0 + t), 0.9999);
    float rate = (float) (1 - decay);
    forRange(average.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        average[i] -= rate * (average[i] - weights[i]);
      }
    });
  }

  /** Magnitudes below this are flushed to zero by {@link #flushTiny}: far below any eps. */
  static final float TINY = 1e-30f;

  /** Sets entries of magnitude below {@link #TINY} to zero; does nothing for null. */
  static void flushTiny(float[] values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i]) < TINY) {
        values[i] = 0f;
      }
    }
  }
}
