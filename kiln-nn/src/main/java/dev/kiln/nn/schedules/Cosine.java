package dev.kiln.nn.schedules;

/**
 * A linear warm-up from 0 to {@code maxRate} over {@code warmupSteps}, then a half cosine down to
 * {@code minRate} at {@code totalSteps}, and {@code minRate} after (kiln's
 * {@code kiln.cosine.v1}; Thinc 8 has no cosine schedule).
 */
public record Cosine(double maxRate, long warmupSteps, long totalSteps, double minRate)
    implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    if (step < warmupSteps) {
      return maxRate * step / warmupSteps;
    }
    long decaySteps = Math.max(1, totalSteps - warmupSteps);
    double progress = Math.min(1.0, (step - warmupSteps) / (double) decaySteps);
    return minRate + (maxRate - minRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
