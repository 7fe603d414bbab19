package dev.kiln.nn.schedules;

/**
 * {@code baseRate / (1 + decay * (t + step))}: inverse-time decay (Thinc's {@code decaying.v1};
 * {@code t} is the step the series starts from).
 */
public record Decaying(double baseRate, double decay, long t) implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    return baseRate * (1.0 / (1.0 + decay * (t + step)));
  }
}
