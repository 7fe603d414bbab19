package dev.kiln.nn.schedules;

/**
 * {@code rate} for the first {@code steps} steps, then {@code schedule} started from its own step
 * 0 (Thinc's {@code constant_then.v1}).
 */
public record ConstantThen(double rate, long steps, Schedule schedule) implements Schedule {
  @Override
  public double valueAt(long step, ScoreHistory scores) {
    return step < steps ? rate : schedule.valueAt(step - steps, scores);
  }
}
