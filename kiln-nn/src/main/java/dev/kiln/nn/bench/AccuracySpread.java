package dev.kiln.nn.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The test accuracies of one model trained from consecutive seeds, as one line: a single run's
 * accuracy after 5 epochs varies by ~0.004 (one standard deviation) with the seed alone, as
 * much as the frameworks differ, so comparing them needs several.
 */
record AccuracySpread(String trainer, long firstSeed, double[] accuracies) {
  /** The accuracy the engine issue asks of the model after 5 epochs. */
  static final double TARGET = 0.867;

  String line() {
    double mean = Arrays.stream(accuracies).average().orElse(Double.NaN);
    double variance = Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).sum()
        / Math.max(1, accuracies.length - 1);
    long reached = Arrays.stream(accuracies).filter(a -> a >= TARGET).count();
    return String.format(Locale.ROOT,
        "test_acc_over_seeds %s seeds %d-%d: mean=%.4f sd=%.4f min=%.4f max=%.4f at_or_above_%.3f=%d/%d",
        trainer, firstSeed, firstSeed + accuracies.length - 1, mean, Math.sqrt(variance),
        Arrays.stream(accuracies).min().orElse(Double.NaN),
        Arrays.stream(accuracies).max().orElse(Double.NaN), TARGET, reached, accuracies.length);
  }
}
