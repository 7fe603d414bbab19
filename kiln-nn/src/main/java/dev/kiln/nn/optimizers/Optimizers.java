package dev.kiln.nn.optimizers;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.schedules.Schedule;

/** The registered optimizers, with Thinc's names, parameter names and defaults. */
public final class Optimizers {
  private Optimizers() {}

  @Registered(category = "optimizers", name = "Adam.v1")
  public static Adam adam(
      @Name("learn_rate") @Default("0.001") Schedule learnRate,
      @Name("L2") @Default("0.0") Schedule l2,
      @Default("0.9") Schedule beta1,
      @Default("0.999") Schedule beta2,
      @Default("1e-08") Schedule eps,
      @Name("grad_clip") @Default("1.0") Schedule gradClip,
      @Name("L2_is_weight_decay") @Default("true") boolean l2IsWeightDecay,
      @Name("use_averages") @Default("true") boolean useAverages) {
    return new Adam(learnRate, beta1, beta2, eps,
        new OptimizerOptions(l2, l2IsWeightDecay, gradClip, useAverages));
  }

  @Registered(category = "optimizers", name = "RAdam.v1")
  public static RAdam radam(
      @Name("learn_rate") @Default("0.001") Schedule learnRate,
      @Default("0.9") Schedule beta1,
      @Default("0.999") Schedule beta2,
      @Default("1e-08") Schedule eps,
      @Name("L2") @Default("0.0") Schedule l2,
      @Name("L2_is_weight_decay") @Default("true") boolean l2IsWeightDecay,
      @Name("grad_clip") @Default("1.0") Schedule gradClip,
      @Name("use_averages") @Default("true") boolean useAverages) {
    return new RAdam(learnRate, beta1, beta2, eps,
        new OptimizerOptions(l2, l2IsWeightDecay, gradClip, useAverages));
  }

  @Registered(category = "optimizers", name = "SGD.v1")
  public static SGD sgd(
      @Name("learn_rate") Schedule learnRate,
      @Name("L2") @Default("0.0") Schedule l2,
      @Name("grad_clip") @Default("1.0") Schedule gradClip,
      @Name("L2_is_weight_decay") @Default("true") boolean l2IsWeightDecay,
      @Name("use_averages") @Default("true") boolean useAverages) {
    return new SGD(learnRate, new OptimizerOptions(l2, l2IsWeightDecay, gradClip, useAverages));
  }
}
