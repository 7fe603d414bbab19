package dev.kiln.nn.optimizers;

import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;

/**
 * Rectified Adam (Liu et al. 2019) as Thinc's {@code RAdam.v1}: while the variance of the
 * adaptive rate is not yet tractable it takes bias-corrected momentum steps, then rectified Adam
 * steps.
 *
 * <p>Thinc's port counts the step one ahead of the update count (its first update is RAdam's
 * step 2); kept, so results agree with Thinc's. Thinc also caches the step sizes of the last ten
 * steps across parameters; here they are recomputed, which differs only if {@code beta1} or
 * {@code beta2} follow a schedule and parameters are updated unevenly.
 */
public final class RAdam extends GradientDescent {
  private final Schedule beta1Schedule;
  private final Schedule beta2Schedule;
  private final Schedule epsSchedule;
  private double beta1;
  private double beta2;
  private double eps;

  public RAdam(
      Schedule learnRate, Schedule beta1, Schedule beta2, Schedule eps, OptimizerOptions options) {
    super(learnRate, options);
    this.beta1Schedule = beta1;
    this.beta2Schedule = beta2;
    this.epsSchedule = eps;
    refresh();
  }

  /** RAdam with Thinc's defaults: beta1 0.9, beta2 0.999, eps 1e-8, clip 1.0, averages. */
  public RAdam(double learnRate) {
    this(new Constant(learnRate), new Constant(0.9), new Constant(0.999), new Constant(1e-8),
        OptimizerOptions.defaults());
  }

  @Override
  void refresh() {
    super.refresh();
    beta1 = decayRate("beta1", beta1Schedule);
    beta2 = decayRate("beta2", beta2Schedule);
    eps = atLeastZero("eps", epsSchedule);
  }

  @Override
  void step(ParamState state, float[] weights, float[] gradient, int updates) {
    if (state.mom1 == null) {
      state.mom1 = new float[state.size];
      state.mom2 = new float[state.size];
    }
    float[] m1 = state.mom1;
    float[] m2 = state.mom2;
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    // numpy computes (1 - beta) in double, then rounds it: not 1f - b.
    float oneMinusB1 = (float) (1 - beta1);
    float oneMinusB2 = (float) (1 - beta2);
    Kernels.forRange(m1.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        float g = gradient[i];
        m2[i] = m2[i] * b2 + oneMinusB2 * (g * g);
        m1[i] = m1[i] * b1 + oneMinusB1 * g;
        gradient[i] = 0f;
      }
    });
    int step = updates + 1;
    double beta2t = Math.pow(beta2, step);
    double smaMax = 2 / (1 - beta2) - 1;
    double sma = smaMax - 2 * step * beta2t / (1 - beta2t);
    double bias1 = 1 - Math.pow(beta1, step);
    if (sma >= 5) {
      double stepSize = Math.sqrt(
          (1 - beta2t) * (sma - 4) / (smaMax - 4) * (sma - 2) / sma * smaMax / (smaMax - 2))
          / bias1;
      float rate = (float) (-stepSize * learnRate);
      float e = (float) eps;
      Kernels.forRange(weights.length, (from, to) -> {
        for (int i = from; i < to; i++) {
          weights[i] += rate * (m1[i] / ((float) Math.sqrt(m2[i]) + e));
        }
      });
    } else {
      float rate = (float) (-(1.0 / bias1) * learnRate);
      Kernels.forRange(weights.length, (from, to) -> {
        for (int i = from; i < to; i++) {
          weights[i] += rate * m1[i];
        }
      });
    }
  }

  public double beta1() {
    return beta1;
  }

  public double beta2() {
    return beta2;
  }

  public double eps() {
    return eps;
  }
}
