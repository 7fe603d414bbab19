package dev.kiln.nn.schedules;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;

/** The registered schedules, with Thinc's names, parameter names and defaults. */
public final class Schedules {
  private Schedules() {}

  @Registered(category = "schedules", name = "constant.v1")
  public static Schedule constant(double rate) {
    return new Constant(rate);
  }

  @Registered(category = "schedules", name = "constant_then.v1")
  public static Schedule constantThen(double rate, int steps, Schedule schedule) {
    return new ConstantThen(rate, steps, schedule);
  }

  @Registered(category = "schedules", name = "decaying.v1")
  public static Schedule decaying(
      @Name("base_rate") double baseRate, double decay, @Default("0") int t) {
    return new Decaying(baseRate, decay, t);
  }

  /** {@code t} is accepted and, as in Thinc 8.1.7, ignored. */
  @Registered(category = "schedules", name = "compounding.v1")
  public static Schedule compounding(
      double start, double stop, double compound, @Default("0.0") double t) {
    return new Compounding(start, stop, compound);
  }

  @Registered(category = "schedules", name = "warmup_linear.v1")
  public static Schedule warmupLinear(
      @Name("initial_rate") double initialRate,
      @Name("warmup_steps") int warmupSteps,
      @Name("total_steps") int totalSteps) {
    return new WarmupLinear(initialRate, warmupSteps, totalSteps);
  }

  /** {@code decay} is accepted and, as in Thinc 8.1.7, unused. */
  @Registered(category = "schedules", name = "slanted_triangular.v1")
  public static Schedule slantedTriangular(
      @Name("max_rate") double maxRate,
      @Name("num_steps") int numSteps,
      @Name("cut_frac") @Default("0.1") double cutFrac,
      @Default("32") int ratio,
      @Default("1.0") double decay,
      @Default("0.0") double t) {
    return new SlantedTriangular(maxRate, numSteps, cutFrac, ratio, t);
  }

  @Registered(category = "schedules", name = "cyclic_triangular.v1")
  public static Schedule cyclicTriangular(
      @Name("min_lr") double minLr, @Name("max_lr") double maxLr, int period) {
    return new CyclicTriangular(minLr, maxLr, period);
  }

  @Registered(category = "schedules", name = "plateau.v1")
  public static Schedule plateau(
      @Name("max_patience") int maxPatience, double scale, Schedule schedule) {
    return new Plateau(maxPatience, scale, schedule);
  }

  @Registered(category = "schedules", name = "kiln.cosine.v1")
  public static Schedule cosine(
      @Name("max_rate") double maxRate,
      @Name("warmup_steps") int warmupSteps,
      @Name("total_steps") int totalSteps,
      @Name("min_rate") @Default("0.0") double minRate) {
    return new Cosine(maxRate, warmupSteps, totalSteps, minRate);
  }
}
