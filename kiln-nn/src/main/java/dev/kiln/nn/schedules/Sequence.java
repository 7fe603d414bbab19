package dev.kiln.nn.schedules;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.List;

/**
 * Values listed in the config, one per step, then the last one for ever: what Thinc does with a
 * list given where a schedule is expected (it iterates the list and keeps the last value).
 */
public record Sequence(List<Double> values) implements Schedule {
  public Sequence {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new KilnException(ErrorCode.E160, "list", "the list of values", "non-empty", "[]");
    }
  }

  @Override
  public double valueAt(long step, ScoreHistory scores) {
    return values.get((int) Math.min(step, values.size() - 1));
  }
}
