package dev.kiln.nn.schedules;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;

/**
 * Howard and Ruder's slanted triangular rate (Thinc's {@code slanted_triangular.v1}): a short
 * linear rise over the first {@code cutFrac} of {@code numSteps} to {@code maxRate}, then a long
 * linear fall; the lowest rate is {@code maxRate / ratio}. Step 0 is Thinc's {@code t + 1}.
 */
public record SlantedTriangular(
    double maxRate, long numSteps, double cutFrac, double ratio, double t) implements Schedule {
  public SlantedTriangular {
    if ((long) (numSteps * cutFrac) < 1) {
      throw new KilnException(ErrorCode.E160, "slanted_triangular.v1",
          "num_steps * cut_frac", "at least 1", numSteps * cutFrac);
    }
  }

  @Override
  public double valueAt(long step, ScoreHistory scores) {
    long cut = (long) (numSteps * cutFrac);
    double position = t + step + 1;
    double p;
    if (position < cut) {
      p = position / cut;
    } else {
      p = 1 - ((position - cut) / (cut * (1 / cutFrac - 1)));
    }
    return maxRate * (1 + p * (ratio - 1)) * (1 / ratio);
  }
}
