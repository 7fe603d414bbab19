package dev.kiln.nn.schedules;

/**
 * A rate that climbs linearly from {@code minLr} to {@code maxLr} over {@code period} steps and
 * back again, forever (Thinc's {@code cyclic_triangular.v1}; step 0 is its iteration 1).
 */
public record CyclicTriangular(double minLr, double maxLr, long period) implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    double it = step + 1;
    double cycle = Math.floor(1 + it / (2.0 * period));
    double x = Math.abs(it / period - 2 * cycle + 1);
    double relative = Math.max(0, 1 - x);
    return minLr + (maxLr - minLr) * relative;
  }
}
