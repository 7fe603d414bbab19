package dev.kiln.train;

import java.util.List;

/**
 * A training or evaluation example: the record as the pipeline predicts it, beside the reference
 * record that carries the gold annotations (spaCy's {@code Example}).
 *
 * <p>Components write their predictions into {@code predicted}; scorers compare it with
 * {@code reference}. The predicted record is replaced, not mutated, by annotating components.
 */
public final class Example<D extends Datum> {
  private D predicted;
  private final D reference;

  public Example(D predicted, D reference) {
    this.predicted = predicted;
    this.reference = reference;
  }

  public D predicted() {
    return predicted;
  }

  public D reference() {
    return reference;
  }

  /** Replaces the predicted record with an annotated one. */
  public void setPredicted(D annotated) {
    this.predicted = annotated;
  }

  /** The length of the predicted record: tokens for text. */
  public int length() {
    return predicted.length();
  }

  /**
   * The summed lengths of {@code examples} (their words). A method of its own, so that callers
   * stepping once a batch have no loop: a loop in the training step made the JIT compile the
   * whole step (every layer inlined, ~0.2 s of compiling on one of two cores) during the first
   * epochs.
   */
  public static long totalLength(List<? extends Example<?>> examples) {
    long words = 0;
    for (Example<?> example : examples) {
      words += example.length();
    }
    return words;
  }
}
