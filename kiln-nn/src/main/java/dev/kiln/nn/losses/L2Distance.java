package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import java.util.Arrays;

/**
 * Squared distance between guesses and truths (Thinc's {@code L2Distance}): the gradient is
 * {@code guesses - truths}, divided by the number of rows when {@code normalize}, and the loss
 * the sum of the squared gradient.
 */
public final class L2Distance {
  private final boolean normalize;

  public L2Distance(boolean normalize) {
    this.normalize = normalize;
  }

  public LossResult<Floats> compute(Floats guesses, Floats truths) {
    if (!guesses.sameShape(truths)) {
      throw new KilnException(ErrorCode.E170, "L2Distance", Arrays.toString(guesses.shape()),
          Arrays.toString(truths.shape()));
    }
    float[] g = guesses.data();
    float[] t = truths.data();
    float[] d = new float[g.length];
    float rows = guesses.rows();
    for (int i = 0; i < d.length; i++) {
      d[i] = normalize ? (g[i] - t[i]) / rows : g[i] - t[i];
    }
    return new LossResult<>(Floats.of(d, guesses.shape()), Losses.sumOfSquares(d));
  }
}
