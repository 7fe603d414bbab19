package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Categorical cross-entropy over a batch of sequences, one guess matrix and one label vector per
 * sequence (Thinc's {@code SequenceCategoricalCrossentropy}): each sequence's gradient is
 * {@link CategoricalCrossentropy}'s without normalisation, divided by the number of sequences
 * when {@code normalize}; the loss is the sum over sequences.
 */
public final class SequenceCategoricalCrossentropy {
  private final boolean normalize;
  private final CategoricalCrossentropy perSequence;

  /** See {@link CategoricalCrossentropy#CategoricalCrossentropy(boolean, double, OptionalInt)}. */
  public SequenceCategoricalCrossentropy(
      boolean normalize, double labelSmoothing, OptionalInt missingValue) {
    this(normalize, new CategoricalCrossentropy(false, labelSmoothing, missingValue));
  }

  /** Thinc's defaults: normalised, no label smoothing, no missing value. */
  public SequenceCategoricalCrossentropy() {
    this(true, 0.0, OptionalInt.empty());
  }

  private SequenceCategoricalCrossentropy(boolean normalize, CategoricalCrossentropy perSequence) {
    this.normalize = normalize;
    this.perSequence = perSequence;
  }

  /** This loss, also accepting label names; see {@link CategoricalCrossentropy#withNames}. */
  public SequenceCategoricalCrossentropy withNames(
      List<String> names, Optional<String> missingName, Optional<String> negPrefix) {
    return new SequenceCategoricalCrossentropy(
        normalize, perSequence.withNames(names, missingName, negPrefix));
  }

  /** The gradients (one per sequence) and the summed loss, for class-id truths. */
  public LossResult<List<Floats>> compute(List<Floats> guesses, List<Ints> truths) {
    checkLengths(guesses.size(), truths.size());
    return combine(guesses.size(), i -> perSequence.compute(guesses.get(i), truths.get(i)));
  }

  /** The gradients (one per sequence) and the summed loss, for label-name truths. */
  public LossResult<List<Floats>> computeNames(List<Floats> guesses, List<List<String>> truths) {
    checkLengths(guesses.size(), truths.size());
    return combine(guesses.size(), i -> perSequence.computeNames(guesses.get(i), truths.get(i)));
  }

  private LossResult<List<Floats>> combine(int n, IntFunction<LossResult<Floats>> sequence) {
    List<Floats> gradients = new ArrayList<>(n);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      Floats gradient = sequence.apply(i).gradient();
      if (normalize) {
        float[] d = gradient.data();
        for (int j = 0; j < d.length; j++) {
          d[j] = d[j] / n;
        }
      }
      gradients.add(gradient);
      loss += Losses.sumOfSquares(gradient.data());
    }
    return new LossResult<>(gradients, loss);
  }

  private static void checkLengths(int guesses, int truths) {
    if (guesses != truths) {
      throw new KilnException(ErrorCode.E170, "SequenceCategoricalCrossentropy",
          guesses + " sequences", truths + " sequences");
    }
  }
}
