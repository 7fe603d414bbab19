package dev.kiln.tabular;

/**
 * How a regressor standardises its target, fitted at {@code initialize}: the model learns
 * {@code (value - mean) / std} and its outputs are mapped back.
 */
record TargetScale(double mean, double std) {
  double standardise(double value) {
    return (value - mean) / std;
  }

  double restore(double standardised) {
    return standardised * std + mean;
  }
}
