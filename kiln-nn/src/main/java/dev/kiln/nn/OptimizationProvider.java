package dev.kiln.nn;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistryProvider;
import dev.kiln.nn.losses.LossFunctions;
import dev.kiln.nn.optimizers.Optimizers;
import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;
import dev.kiln.nn.schedules.Schedules;
import dev.kiln.nn.schedules.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers kiln-nn's optimizers, schedules and losses, and lets a number (a constant) or a list
 * of numbers (one per step) stand where a schedule is wanted, as in Thinc:
 * {@code learn_rate = 0.001} and a {@code [optimizer.learn_rate]} schedule section both work.
 */
public final class OptimizationProvider implements RegistryProvider {
  @Override
  public void register(Registries registries) {
    registries.addAll(Schedules.class);
    registries.addAll(Optimizers.class);
    registries.addAll(LossFunctions.class);
    registries.addConversion(Number.class, Schedule.class, n -> new Constant(n.doubleValue()));
    registries.addConversion(List.class, Schedule.class, OptimizationProvider::sequence);
  }

  private static Schedule sequence(List<?> values) {
    List<Double> numbers = new ArrayList<>(values.size());
    for (Object value : values) {
      if (!(value instanceof Number number)) {
        throw new IllegalArgumentException("a schedule list holds numbers, found " + value);
      }
      numbers.add(number.doubleValue());
    }
    return new Sequence(numbers);
  }
}
