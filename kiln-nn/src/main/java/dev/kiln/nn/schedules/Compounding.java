package dev.kiln.nn.schedules;

/**
 * {@code start * compound^step}, clipped at {@code stop} (Thinc's {@code compounding.v1}): grows
 * towards {@code stop} when it is above {@code start}, shrinks towards it when below.
 */
public record Compounding(double start, double stop, double compound) implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    double value = start * Math.pow(compound, step);
    return start > stop ? Math.max(value, stop) : Math.min(value, stop);
  }
}
