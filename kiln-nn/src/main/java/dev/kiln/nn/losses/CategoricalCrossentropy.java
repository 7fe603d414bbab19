package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Categorical cross-entropy for guesses that are already probabilities (the output of a
 * softmax), as Thinc's {@code CategoricalCrossentropy}.
 *
 * <p>The gradient is Thinc's {@code guesses - truths} (the gradient with respect to the softmax's
 * input, which Thinc's softmax passes through), divided by the number of rows when
 * {@code normalize}; rows whose label is the missing value get a zero gradient. The loss is
 * Thinc's too: the sum of the squared gradient, not the log loss.
 */
public final class CategoricalCrossentropy {
  private static final String NAME = "CategoricalCrossentropy";
  private final boolean normalize;
  private final double labelSmoothing;
  private final OptionalInt missingValue;

  /**
   * @param normalize divide the gradient by the number of rows
   * @param labelSmoothing probability mass moved from the gold class to the others, spread
   *     evenly, in [0, (classes - 1) / classes); only for class-id truths
   * @param missingValue a class id that marks a row as unlabelled
   */
  public CategoricalCrossentropy(
      boolean normalize, double labelSmoothing, OptionalInt missingValue) {
    if (!(labelSmoothing >= 0)) {
      throw new KilnException(ErrorCode.E172, NAME, "label_smoothing", ">= 0", labelSmoothing);
    }
    this.normalize = normalize;
    this.labelSmoothing = labelSmoothing;
    this.missingValue = missingValue;
  }

  /** Thinc's defaults: normalised, no label smoothing, no missing value. */
  public CategoricalCrossentropy() {
    this(true, 0.0, OptionalInt.empty());
  }

  /** The gradient and loss for {@code truths} given as one class id per row. */
  public LossResult<Floats> compute(Floats guesses, Ints truths) {
    int rows = guesses.rows();
    int classes = guesses.cols();
    if (truths.size() != rows || truths.shape().length != 1) {
      throw new KilnException(ErrorCode.E170, NAME, Arrays.toString(guesses.shape()),
          Arrays.toString(truths.shape()));
    }
    checkProbabilities("guesses", guesses);
    float[] distribution = smoothedRow(classes);
    float gold = distribution[0];
    float other = distribution[1];
    float[] g = guesses.data();
    float[] d = new float[g.length];
    for (int r = 0; r < rows; r++) {
      int label = truths.get(r);
      if (isMissing(label)) {
        continue;
      }
      if (label < 0 || label >= classes) {
        throw new KilnException(ErrorCode.E173, NAME, label, r, classes - 1);
      }
      int base = r * classes;
      for (int c = 0; c < classes; c++) {
        d[base + c] = g[base + c] - (c == label ? gold : other);
      }
    }
    return finish(guesses, d);
  }

  /** The gradient and loss for {@code truths} given as a probability distribution per row. */
  public LossResult<Floats> compute(Floats guesses, Floats truths) {
    if (!guesses.sameShape(truths)) {
      throw new KilnException(ErrorCode.E170, NAME, Arrays.toString(guesses.shape()),
          Arrays.toString(truths.shape()));
    }
    if (labelSmoothing != 0) {
      throw new KilnException(ErrorCode.E172, NAME, "label_smoothing",
          "0 when the truths are probabilities rather than class ids", labelSmoothing);
    }
    checkProbabilities("guesses", guesses);
    checkProbabilities("truths", truths);
    int rows = guesses.rows();
    int classes = guesses.cols();
    float[] g = guesses.data();
    float[] t = truths.data();
    float[] d = new float[g.length];
    for (int r = 0; r < rows; r++) {
      int base = r * classes;
      if (missingValue.isPresent() && isMissing(argmax(t, base, classes))) {
        continue;
      }
      for (int c = 0; c < classes; c++) {
        d[base + c] = g[base + c] - t[base + c];
      }
    }
    return finish(guesses, d);
  }

  private LossResult<Floats> finish(Floats guesses, float[] d) {
    if (normalize) {
      float rows = guesses.rows();
      for (int i = 0; i < d.length; i++) {
        d[i] = d[i] / rows;
      }
    }
    return new LossResult<>(Floats.of(d, guesses.shape()), Losses.sumOfSquares(d));
  }

  /** The target probability of the gold class and of every other class. */
  private float[] smoothedRow(int classes) {
    if (labelSmoothing == 0) {
      return new float[] {1f, 0f};
    }
    if (classes < 2) {
      throw new KilnException(ErrorCode.E172, NAME, "the number of classes",
          "at least 2 with label smoothing", classes);
    }
    double maxSmoothing = (classes - 1) / (double) classes;
    if (labelSmoothing >= maxSmoothing) {
      throw new KilnException(ErrorCode.E172, NAME, "label_smoothing",
          "below " + maxSmoothing + " for " + classes + " classes", labelSmoothing);
    }
    return new float[] {(float) (1 - labelSmoothing), (float) (labelSmoothing / (classes - 1))};
  }

  private boolean isMissing(int label) {
    return missingValue.isPresent() && missingValue.getAsInt() == label;
  }

  private static int argmax(float[] values, int from, int length) {
    int best = 0;
    for (int c = 1; c < length; c++) {
      if (values[from + c] > values[from + best]) {
        best = c;
      }
    }
    return best;
  }

  private static void checkProbabilities(String what, Floats array) {
    float[] v = array.data();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0f && v[i] <= 1f)) {
        throw new KilnException(ErrorCode.E171, NAME, what, v[i], i / Math.max(array.cols(), 1));
      }
    }
  }
}
