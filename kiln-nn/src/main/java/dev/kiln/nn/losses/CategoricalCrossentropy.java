package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Categorical cross-entropy for guesses that are already probabilities (the output of a
 * softmax), as Thinc's {@code CategoricalCrossentropy}.
 *
 * <p>The gradient is Thinc's {@code guesses - truths} (the gradient with respect to the softmax's
 * input, which Thinc's softmax passes through), divided by the number of rows when
 * {@code normalize}; rows whose label is the missing value get a zero gradient. The loss is
 * Thinc's too: the sum of the squared gradient, not the log loss.
 *
 * <p>Truths are class ids, probability rows, or label names (with {@link #withNames}); a name
 * starting with the negative prefix says the row is <em>not</em> that class, which trains only
 * that class's output towards 0.
 */
public final class CategoricalCrossentropy {
  private static final String NAME = "CategoricalCrossentropy";
  private final boolean normalize;
  private final double labelSmoothing;
  private final OptionalInt missingValue;
  private final List<String> names;
  /** Each name's class id, built once: the tagger reads a batch's tags by name, document by document. */
  private final Map<String, Integer> ids;
  private final Optional<String> missingName;
  private final Optional<String> negPrefix;

  /**
   * @param normalize divide the gradient by the number of rows
   * @param labelSmoothing probability mass moved from the gold class to the others, spread
   *     evenly, in [0, (classes - 1) / classes); not for probability-row truths
   * @param missingValue a class id that marks a row as unlabelled
   */
  public CategoricalCrossentropy(
      boolean normalize, double labelSmoothing, OptionalInt missingValue) {
    this(normalize, labelSmoothing, missingValue, List.of(), Optional.empty(), Optional.empty());
  }

  /** Thinc's defaults: normalised, no label smoothing, no missing value. */
  public CategoricalCrossentropy() {
    this(true, 0.0, OptionalInt.empty());
  }

  private CategoricalCrossentropy(boolean normalize, double labelSmoothing,
      OptionalInt missingValue, List<String> names, Optional<String> missingName,
      Optional<String> negPrefix) {
    if (!(labelSmoothing >= 0)) {
      throw new KilnException(ErrorCode.E172, NAME, "label_smoothing", ">= 0", labelSmoothing);
    }
    this.normalize = normalize;
    this.labelSmoothing = labelSmoothing;
    this.missingValue = missingValue;
    this.names = List.copyOf(names);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < this.names.size(); i++) {
      ids.put(this.names.get(i), i);
    }
    this.ids = Map.copyOf(ids);
    this.missingName = missingName;
    this.negPrefix = negPrefix;
  }

  /**
   * This loss, also accepting truths as label names: {@code names} are the classes in output
   * order, {@code missingName} marks an unlabelled row, and a label starting with
   * {@code negPrefix} (e.g. {@code "!"} in {@code "!PERSON"}) is a negative label.
   */
  public CategoricalCrossentropy withNames(
      List<String> names, Optional<String> missingName, Optional<String> negPrefix) {
    return new CategoricalCrossentropy(
        normalize, labelSmoothing, missingValue, names, missingName, negPrefix);
  }

  /** The gradient and loss for {@code truths} given as one class id per row. */
  public LossResult<Floats> compute(Floats guesses, Ints truths) {
    int rows = guesses.rows();
    int classes = guesses.cols();
    if (truths.size() != rows || truths.shape().length != 1) {
      throw new KilnException(ErrorCode.E170, NAME, Arrays.toString(guesses.shape()),
          Arrays.toString(truths.shape()));
    }
    Targets targets = new Targets(rows, classes);
    float[] distribution = smoothedRow(classes);
    for (int r = 0; r < rows; r++) {
      int label = truths.get(r);
      if (missingValue.isPresent() && missingValue.getAsInt() == label) {
        targets.maskRow(r);
      } else {
        targets.setRow(r, checkedLabel(label, r, classes), distribution);
      }
    }
    return finish(guesses, targets);
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
    checkProbabilities("truths", truths);
    int rows = guesses.rows();
    int classes = guesses.cols();
    Targets targets = new Targets(rows, classes);
    System.arraycopy(truths.data(), 0, targets.target, 0, targets.target.length);
    if (missingValue.isPresent()) {
      for (int r = 0; r < rows; r++) {
        if (argmax(truths.data(), r * classes, classes) == missingValue.getAsInt()) {
          targets.maskRow(r);
        }
      }
    }
    return finish(guesses, targets);
  }

  /** The gradient and loss for {@code truths} given as label names (see {@link #withNames}). */
  public LossResult<Floats> computeNames(Floats guesses, List<String> truths) {
    if (names.isEmpty()) {
      throw new KilnException(ErrorCode.E172, NAME, "names",
          "set (the class names in output order) to read labels given as strings", "none");
    }
    int rows = guesses.rows();
    int classes = guesses.cols();
    if (truths.size() != rows || names.size() != classes) {
      throw new KilnException(ErrorCode.E170, NAME, Arrays.toString(guesses.shape()),
          "[" + truths.size() + ", " + names.size() + "] (labels, names)");
    }
    Targets targets = new Targets(rows, classes);
    float[] distribution = smoothedRow(classes);
    for (int r = 0; r < rows; r++) {
      String label = truths.get(r);
      if (missingName.isPresent() && missingName.get().equals(label)) {
        targets.maskRow(r);
      } else if (label != null && !label.isEmpty() && negPrefix.isPresent()
          && label.startsWith(negPrefix.get())) {
        targets.negativeRow(r, classIndex(label.substring(negPrefix.get().length()), r));
      } else {
        targets.setRow(r, classIndex(label, r), distribution);
      }
    }
    return finish(guesses, targets);
  }

  private LossResult<Floats> finish(Floats guesses, Targets targets) {
    checkProbabilities("guesses", guesses);
    float[] g = guesses.data();
    float[] d = new float[g.length];
    float rows = guesses.rows();
    for (int i = 0; i < d.length; i++) {
      float difference = (g[i] - targets.target[i]) * targets.mask[i];
      d[i] = normalize ? difference / rows : difference;
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

  private static int checkedLabel(int label, int row, int classes) {
    if (label < 0 || label >= classes) {
      throw new KilnException(ErrorCode.E173, NAME, label, row, classes - 1);
    }
    return label;
  }

  private int classIndex(String label, int row) {
    Integer i = label == null ? null : ids.get(label);
    if (i == null) {
      throw new KilnException(ErrorCode.E174, NAME, label, row, String.join(", ", names));
    }
    return i;
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

  /**
   * Refuses values outside [0, 1]. NaN passes, as in Thinc: a model that diverged gives a NaN
   * loss, which the training loop's NaN guard handles, rather than an error.
   */
  private static void checkProbabilities(String what, Floats array) {
    float[] v = array.data();
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0f || v[i] > 1f) {
        throw new KilnException(ErrorCode.E171, NAME, what, v[i], i / Math.max(array.cols(), 1));
      }
    }
  }

  /** Thinc's target matrix and mask: what each output should be, and which outputs count. */
  private static final class Targets {
    final int classes;
    final float[] target;
    final float[] mask;

    Targets(int rows, int classes) {
      this.classes = classes;
      this.target = new float[rows * classes];
      this.mask = new float[rows * classes];
      Arrays.fill(mask, 1f);
    }

    void setRow(int row, int label, float[] distribution) {
      for (int c = 0; c < classes; c++) {
        target[row * classes + c] = c == label ? distribution[0] : distribution[1];
      }
    }

    void maskRow(int row) {
      Arrays.fill(mask, row * classes, (row + 1) * classes, 0f);
    }

    /** "Not this class": only its output counts, and it should be 0. */
    void negativeRow(int row, int label) {
      Arrays.fill(target, row * classes, (row + 1) * classes, 0f);
      Arrays.fill(mask, row * classes, (row + 1) * classes, 0f);
      mask[row * classes + label] = 1f;
    }
  }
}
