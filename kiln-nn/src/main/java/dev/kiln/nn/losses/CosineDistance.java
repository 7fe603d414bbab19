package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import java.util.Arrays;

/**
 * One minus the cosine similarity of each guess row with its truth row (Thinc's
 * {@code CosineDistance}). Both get 1e-8 added so zero rows have a direction; with
 * {@code ignoreZeros}, rows whose truth is all zeros count for nothing.
 */
public final class CosineDistance {
  private static final float NUDGE = 1e-8f;
  private final boolean normalize;
  private final boolean ignoreZeros;

  public CosineDistance(boolean normalize, boolean ignoreZeros) {
    this.normalize = normalize;
    this.ignoreZeros = ignoreZeros;
  }

  public LossResult<Floats> compute(Floats guesses, Floats truths) {
    if (!guesses.sameShape(truths)) {
      throw new KilnException(ErrorCode.E170, "CosineDistance", Arrays.toString(guesses.shape()),
          Arrays.toString(truths.shape()));
    }
    int rows = guesses.rows();
    int cols = guesses.cols();
    float[] g = guesses.data();
    float[] t = truths.data();
    float[] d = new float[g.length];
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      if (ignoreZeros && isZero(t, base, cols)) {
        continue;
      }
      float squaresYh = 0;
      float squaresY = 0;
      float dot = 0;
      for (int c = base; c < base + cols; c++) {
        float yh = g[c] + NUDGE;
        float y = t[c] + NUDGE;
        squaresYh += yh * yh;
        squaresY += y * y;
        dot += yh * y;
      }
      float normYh = (float) Math.sqrt(squaresYh);
      float mulNorms = normYh * (float) Math.sqrt(squaresY);
      float cosine = dot / mulNorms;
      float normYhSquared = normYh * normYh;
      for (int c = base; c < base + cols; c++) {
        float yh = g[c] + NUDGE;
        float y = t[c] + NUDGE;
        float partial = (y / mulNorms) - (cosine * (yh / normYhSquared));
        d[c] = -(normalize ? partial / rows : partial);
      }
      float distance = Math.abs(cosine - 1);
      loss += normalize ? distance / rows : distance;
    }
    return new LossResult<>(Floats.of(d, guesses.shape()), loss);
  }

  private static boolean isZero(float[] values, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (values[i] != 0f) {
        return false;
      }
    }
    return true;
  }
}
