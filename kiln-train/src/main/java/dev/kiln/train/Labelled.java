package dev.kiln.train;

import java.util.List;
import java.util.function.Supplier;

/**
 * A trainable component that predicts classes by name: its labels are collected from the
 * training data at initialize, or given by {@code [initialize.components.NAME] labels}, as
 * spaCy's {@code TrainablePipe.initialize(get_examples, labels=...)} takes them.
 */
public interface Labelled<D extends Datum> extends Trainable<D> {
  /** The labels in the order of the model's outputs: empty before initialize or load. */
  List<String> labels();

  /**
   * The labels {@link #initialize} would collect from {@code examples}, in output order,
   * checking the data as it does ({@code kiln init labels} writes them).
   */
  List<String> labelsIn(Iterable<Example<D>> examples);

  /**
   * As {@link Trainable#initialize}, with the labels {@code source} chooses. A label of the data
   * outside given labels is the component's to handle: left out of training with a warning
   * where it can be (a text's category, a token's tag or entity), else refused (a record's only
   * class).
   */
  void initialize(Supplier<Iterable<Example<D>>> examples, long seed, LabelSource source);

  @Override
  default void initialize(Supplier<Iterable<Example<D>>> examples, long seed) {
    initialize(examples, seed, LabelSource.fromData());
  }
}
