package dev.kiln.nn.optimizers;

/**
 * The element-wise loops optimizers share, written plainly so that the JIT vectorises them. Each
 * rounds to float32 where Thinc's numpy code does.
 */
final class Kernels {
  private Kernels() {}

  /** {@code gradient += scale * weights}: the L2 penalty as a gradient term. */
  static void addScaled(float[] gradient, float[] weights, float scale) {
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += scale * weights[i];
    }
  }

  /**
   * Scales {@code gradient} down so its L2 norm is at most {@code threshold}; a norm equal to the
   * threshold is rescaled too, as in Thinc.
   */
  static void clipNorm(float[] gradient, float threshold) {
    // Four running sums let the CPU overlap the additions (a single sum is a serial chain).
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < gradient.length; i += 4) {
      s0 += gradient[i] * (double) gradient[i];
      s1 += gradient[i + 1] * (double) gradient[i + 1];
      s2 += gradient[i + 2] * (double) gradient[i + 2];
      s3 += gradient[i + 3] * (double) gradient[i + 3];
    }
    for (; i < gradient.length; i++) {
      s0 += gradient[i] * (double) gradient[i];
    }
    // numpy takes the square root of a float32 sum of squares
    float norm = (float) Math.sqrt((float) ((s0 + s1) + (s2 + s3)));
    if (norm >= threshold) {
      float factor = threshold / norm;
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] *= factor;
      }
    }
  }

  /** {@code weights -= rate * weights}: decoupled weight decay. */
  static void decay(float[] weights, float rate) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] -= rate * weights[i];
    }
  }

  /**
   * Thinc's parameter average: an exponential moving average whose decay grows with the update
   * count {@code t} as {@code (1 + t) / (10 + t)}, capped at 0.9999.
   */
  static void updateAverage(float[] average, float[] weights, int t) {
    double decay = Math.min((1.0 + t) / (10.0 + t), 0.9999);
    float rate = (float) (1 - decay);
    for (int i = 0; i < average.length; i++) {
      average[i] -= rate * (average[i] - weights[i]);
    }
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
