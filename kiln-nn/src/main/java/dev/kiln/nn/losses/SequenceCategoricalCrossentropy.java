package dev.kiln.nn.losses;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
    this.normalize = normalize;
    this.perSequence = new CategoricalCrossentropy(false, labelSmoothing, missingValue);
  }

  /** Thinc's defaults: normalised, no label smoothing, no missing value. */
  public SequenceCategoricalCrossentropy() {
    this(true, 0.0, OptionalInt.empty());
  }

  /** The gradients (one per sequence) and the summed loss. */
  public LossResult<List<Floats>> compute(List<Floats> guesses, List<Ints> truths) {
    if (guesses.size() != truths.size()) {
      throw new KilnException(ErrorCode.E170, "SequenceCategoricalCrossentropy",
          guesses.size() + " sequences", truths.size() + " sequences");
    }
    int n = guesses.size();
    List<Floats> gradients = new ArrayList<>(n);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      Floats gradient = perSequence.compute(guesses.get(i), truths.get(i)).gradient();
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
}
