package dev.kiln.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registered functions that exercise every parameter rule of the resolver. */
public final class TestFunctions {
  private TestFunctions() {}

  /** A stand-in for a layer, so combinators have something to combine. */
  public record Layer(String name, List<Layer> children) {}

  /** A stand-in for an optimizer with a few hyperparameters. */
  public record Optimizer(String name, double learnRate, float beta1, Double gradClip) {}

  /** A stand-in for a schedule, reachable from plain numbers through a conversion. */
  public record Rate(double value) {}

  public enum Reduce { SUM, MEAN, MAX }

  public record Point(int x, @Default("0") int y) {}

  /** A record whose canonical constructor rejects bad values with a user error. */
  public record Positive(int value) {
    public Positive {
      if (value <= 0) {
        throw new KilnException(ErrorCode.E047, "value", "a positive integer", value);
      }
    }
  }

  /** A range whose constructor refuses its {@code high} by key. */
  public record Range(int low, int high) {
    public Range {
      if (high < low) {
        throw new RejectedArgument("high", ErrorCode.E047, "high", "at least low = " + low, high);
      }
    }
  }

  /** Every supported parameter type, returned as a map so tests can look at each value. */
  public record Everything(
      int i, long l, float f, double d, boolean b, String s, Reduce reduce, Path path,
      List<Integer> ints, Map<String, Double> weights, Point point, Optional<Integer> maybe,
      Object anything) {}

  @Registered(category = "optimizers", name = "Adam.v1")
  public static Optimizer adam(
      @Name("learn_rate") @Default("0.001") double learnRate,
      @Default("0.9") float beta1,
      @Name("grad_clip") @Default("null") Double gradClip) {
    return new Optimizer("Adam", learnRate, beta1, gradClip);
  }

  @Registered(category = "optimizers", name = "SGD.v1")
  public static Optimizer sgd(@Name("learn_rate") Rate learnRate) {
    return new Optimizer("SGD", learnRate.value(), 0f, null);
  }

  @Registered(category = "optimizers", name = "Scheduled.v1")
  public static Optimizer scheduled(
      @Name("learn_rate") @Default("{\"@schedules\": \"constant.v1\", \"rate\": 0.1}")
          double learnRate) {
    return new Optimizer("Scheduled", learnRate, 0f, null);
  }

  @Registered(category = "schedules", name = "constant.v1")
  public static Double constant(double rate) {
    return rate;
  }

  @Registered(category = "schedules", name = "rate.v1")
  public static Rate rate(double value) {
    return new Rate(value);
  }

  @Registered(category = "layers", name = "Relu.v1")
  public static Layer relu(
      @Name("nO") @Default("null") Integer nO, @Default("0.0") float dropout) {
    return new Layer("relu" + (nO == null ? "" : nO), List.of());
  }

  @Registered(category = "layers", name = "chain.v1")
  public static Layer chain(Layer... layers) {
    return new Layer("chain", List.of(layers));
  }

  @Registered(category = "layers", name = "kiln.Concat.v1")
  public static Layer concat(@Name("*") List<Layer> layers, @Default("\"sum\"") Reduce reduce) {
    return new Layer("concat-" + reduce, layers);
  }

  @Registered(category = "layers", name = "kiln.Pair.v1")
  public static Layer pair(Layer first, Layer second) {
    return new Layer("pair", List.of(first, second));
  }

  @Registered(category = "scorers", name = "everything.v1")
  public static Everything everything(
      int i, long l, float f, double d, boolean b, String s, Reduce reduce, Path path,
      List<Integer> ints, Map<String, Double> weights, Point point, Optional<Integer> maybe,
      Object anything) {
    return new Everything(i, l, f, d, b, s, reduce, path, ints, weights, point, maybe, anything);
  }

  @Registered(category = "scorers", name = "positive.v1")
  public static Positive positive(Positive value) {
    return value;
  }

  @Registered(category = "loggers", name = "rejects.v1")
  public static Object rejects(int level) {
    throw new KilnException(ErrorCode.E047, "level", "a level below " + level, level);
  }

  @Registered(category = "loggers", name = "rejects_level.v1")
  public static Object rejectsLevel(String name, int level) {
    throw new RejectedArgument("level", ErrorCode.E047, "level", "a level below " + level, level);
  }

  @Registered(category = "scorers", name = "range.v1")
  public static Range range(Range range) {
    return range;
  }

  @Registered(category = "loggers", name = "broken.v1")
  public static Object broken() {
    throw new IllegalStateException("a bug in the logger");
  }

  /** Registries holding these functions and a number-to-rate conversion. */
  static Registries registries() {
    Registries registries = new Registries();
    registries.addAll(TestFunctions.class);
    registries.addConversion(Number.class, Rate.class, n -> new Rate(n.doubleValue()));
    return registries;
  }
}
