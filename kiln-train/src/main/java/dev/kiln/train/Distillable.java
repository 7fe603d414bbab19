package dev.kiln.train;

import java.util.List;
import java.util.function.Supplier;

/**
 * A component capability: learns from a teacher component's outputs instead of gold annotations
 * (spaCy's {@code distill}). Like {@link Trainable#update}, it accumulates gradients without an
 * optimizer step.
 */
public interface Distillable<D extends Datum> extends Trainable<D> {
  /**
   * Computes the gradients that bring this component's outputs on {@code batch} towards
   * {@code teacher}'s, adding the loss to {@code losses} under this component's name.
   *
   * @throws dev.kiln.config.KilnException when the teacher is not of a kind this component can
   *     learn from
   */
  void distill(Component<D> teacher, List<Example<D>> batch, double dropout, LossTotals losses);

  /**
   * Initializes this student from its teacher (labels, output sizes) and sample examples; by
   * default as for training, with examples the teacher annotated standing in for gold ones.
   */
  default void initializeFrom(Component<D> teacher, Supplier<Iterable<Example<D>>> examples, long seed) {
    initialize(examples, seed);
  }
}
