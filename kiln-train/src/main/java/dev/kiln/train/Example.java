package dev.kiln.train;

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
}
