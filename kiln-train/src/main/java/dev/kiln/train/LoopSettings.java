package dev.kiln.train;

import java.util.Set;
import java.util.function.LongToDoubleFunction;

/**
 * The {@code [training]} settings the loop itself reads.
 *
 * @param dropout the dropout rate as a function of the optimizer's schedule step
 * @param evalFrequency evaluate when {@code step % evalFrequency == 0}
 * @param accumulateGradient how many sub-batches each batch is split into
 * @param patience stop after this many steps without a better score; 0 never
 * @param maxSteps stop after the step numbered {@code maxSteps}; 0 never
 * @param frozen components that run but are not updated
 * @param annotating components that set their predictions during updates
 */
public record LoopSettings(
    LongToDoubleFunction dropout,
    long evalFrequency,
    int accumulateGradient,
    long patience,
    long maxSteps,
    Set<String> frozen,
    Set<String> annotating) {
  public LoopSettings {
    if (evalFrequency < 1 || accumulateGradient < 1 || patience < 0 || maxSteps < 0) {
      throw new IllegalArgumentException("eval_frequency and accumulate_gradient must be >= 1, "
          + "patience and max_steps >= 0");
    }
    frozen = Set.copyOf(frozen);
    annotating = Set.copyOf(annotating);
  }
}
