package dev.kiln.nn.optimizers;

import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;

/** Plain stochastic gradient descent: {@code weights -= learn_rate * gradient} (Thinc's {@code SGD.v1}). */
public final class SGD extends GradientDescent {
  public SGD(Schedule learnRate, OptimizerOptions options) {
    super(learnRate, options);
    refresh();
  }

  /** SGD with Thinc's defaults: gradients clipped at 1.0, averages kept. */
  public SGD(double learnRate) {
    this(new Constant(learnRate), OptimizerOptions.defaults());
  }

  @Override
  void step(ParamState state, float[] weights, float[] gradient, int updates) {
    float rate = (float) learnRate;
    Kernels.forRange(weights.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        weights[i] -= rate * gradient[i];
        gradient[i] = 0f;
      }
    });
  }
}
