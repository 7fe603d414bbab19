package dev.kiln.nn.optimizers;

import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;

/**
 * Adam with Thinc's bias correction: the learning rate of update {@code t} of a parameter is
 * {@code learn_rate * sqrt(1 - beta2^t) / (1 - beta1^t)}, and {@code eps} is added to the square
 * root of the second moment.
 *
 * <p>Thinc's {@code Adam.v1}; with {@code L2_is_weight_decay} (the default) it is AdamW. Each
 * update is one pass over the parameter with no allocation after its first update.
 */
public final class Adam extends GradientDescent {
  private final Schedule beta1Schedule;
  private final Schedule beta2Schedule;
  private final Schedule epsSchedule;
  private double beta1;
  private double beta2;
  private double eps;

  /** Adam with every hyperparameter a schedule. */
  public Adam(
      Schedule learnRate, Schedule beta1, Schedule beta2, Schedule eps, OptimizerOptions options) {
    super(learnRate, options);
    this.beta1Schedule = beta1;
    this.beta2Schedule = beta2;
    this.epsSchedule = eps;
    refresh();
  }

  /** Adam with Thinc's defaults (beta1 0.9, beta2 0.999, eps 1e-8) and these options. */
  public Adam(double learnRate, OptimizerOptions options) {
    this(new Constant(learnRate), new Constant(0.9), new Constant(0.999), new Constant(1e-8),
        options);
  }

  /** Adam with all of Thinc's defaults: gradients clipped at 1.0, averages kept. */
  public Adam(double learnRate) {
    this(learnRate, OptimizerOptions.defaults());
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
    double fix1 = 1.0 - Math.pow(beta1, updates);
    double fix2 = 1.0 - Math.pow(beta2, updates);
    float rate = (float) (learnRate * Math.sqrt(fix2) / fix1);
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float e = (float) eps;
    float[] m1 = state.mom1;
    float[] m2 = state.mom2;
    // Each value's update depends on that value alone, so splitting the array over the pool
    // gives the same bits as one pass.
    Kernels.forRange(weights.length,
        (from, to) -> adam(weights, gradient, m1, m2, b1, b2, e, rate, from, to));
  }

  private static void adam(float[] w, float[] g, float[] m1, float[] m2, float b1, float b2,
      float eps, float rate, int from, int to) {
    float oneMinusB1 = 1f - b1;
    float oneMinusB2 = 1f - b2;
    float minusRate = -rate;
    for (int i = from; i < to; i++) {
      float gi = g[i];
      float first = m1[i] * b1 + gi * oneMinusB1;
      float second = m2[i] * b2 + oneMinusB2 * (gi * gi);
      m1[i] = first;
      m2[i] = second;
      w[i] += (first / ((float) Math.sqrt(second) + eps)) * minusRate;
      g[i] = 0f;
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
