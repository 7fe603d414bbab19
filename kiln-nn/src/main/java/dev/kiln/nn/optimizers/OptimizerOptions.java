package dev.kiln.nn.optimizers;

import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;

/**
 * The options every Thinc optimizer shares, with Thinc's defaults.
 *
 * @param l2 the L2 penalty (0 for none); a weight decay when {@code l2IsWeightDecay}
 * @param l2IsWeightDecay apply {@code l2} as decoupled weight decay after the update (AdamW)
 *     rather than as a term added to the gradient
 * @param gradClip the largest L2 norm a parameter's gradient may have (0 for no clipping)
 * @param useAverages keep an exponential moving average of every parameter the optimizer updates
 */
public record OptimizerOptions(
    Schedule l2, boolean l2IsWeightDecay, Schedule gradClip, boolean useAverages) {
  /** Thinc's defaults: no L2, L2 as weight decay, clip at 1.0, keep averages. */
  public static OptimizerOptions defaults() {
    return new OptimizerOptions(new Constant(0.0), true, new Constant(1.0), true);
  }

  public OptimizerOptions withL2(double value, boolean isWeightDecay) {
    return new OptimizerOptions(new Constant(value), isWeightDecay, gradClip, useAverages);
  }

  public OptimizerOptions withGradClip(double value) {
    return new OptimizerOptions(l2, l2IsWeightDecay, new Constant(value), useAverages);
  }

  public OptimizerOptions withAverages(boolean keep) {
    return new OptimizerOptions(l2, l2IsWeightDecay, gradClip, keep);
  }
}
