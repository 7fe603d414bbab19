package dev.kiln.nn.schedules;

/**
 * A linear rise from 0 to {@code initialRate} over {@code warmupSteps}, then a linear fall to 0
 * at {@code totalSteps} (Thinc's {@code warmup_linear.v1}).
 */
public record WarmupLinear(double initialRate, long warmupSteps, long totalSteps)
    implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    double factor;
    if (step < warmupSteps) {
      factor = step / (double) Math.max(1, warmupSteps);
    } else {
      factor = Math.max(0.0, (totalSteps - step) / Math.max(1.0, totalSteps - warmupSteps));
    }
    return factor * initialRate;
  }
}
