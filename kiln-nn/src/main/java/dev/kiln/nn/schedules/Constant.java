package dev.kiln.nn.schedules;

/** The same value at every step (Thinc's {@code constant.v1}). */
public record Constant(double rate) implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    return rate;
  }
}
