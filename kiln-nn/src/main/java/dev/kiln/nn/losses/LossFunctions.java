package dev.kiln.nn.losses;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import java.util.OptionalInt;

/** The registered losses, with Thinc's names, parameter names and defaults. */
public final class LossFunctions {
  private LossFunctions() {}

  @Registered(category = "losses", name = "CategoricalCrossentropy.v1")
  public static CategoricalCrossentropy categoricalCrossentropyV1(
      @Default("true") boolean normalize,
      @Name("missing_value") @Default("null") Integer missingValue) {
    return new CategoricalCrossentropy(normalize, 0.0, optional(missingValue));
  }

  @Registered(category = "losses", name = "CategoricalCrossentropy.v3")
  public static CategoricalCrossentropy categoricalCrossentropyV3(
      @Default("true") boolean normalize,
      @Name("missing_value") @Default("null") Integer missingValue,
      @Name("label_smoothing") @Default("0.0") double labelSmoothing) {
    return new CategoricalCrossentropy(normalize, labelSmoothing, optional(missingValue));
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  @Registered(category = "losses", name = "SequenceCategoricalCrossentropy.v1")
  public static SequenceCategoricalCrossentropy sequenceCategoricalCrossentropyV1(
      @Default("true") boolean normalize) {
    return new SequenceCategoricalCrossentropy(normalize, 0.0, OptionalInt.empty());
  }

  @Registered(category = "losses", name = "SequenceCategoricalCrossentropy.v3")
  public static SequenceCategoricalCrossentropy sequenceCategoricalCrossentropyV3(
      @Default("true") boolean normalize,
      @Name("missing_value") @Default("null") Integer missingValue,
      @Name("label_smoothing") @Default("0.0") double labelSmoothing) {
    return new SequenceCategoricalCrossentropy(normalize, labelSmoothing, optional(missingValue));
  }

  @Registered(category = "losses", name = "L2Distance.v1")
  public static L2Distance l2Distance(@Default("true") boolean normalize) {
    return new L2Distance(normalize);
  }

  @Registered(category = "losses", name = "CosineDistance.v1")
  public static CosineDistance cosineDistance(
      @Default("true") boolean normalize,
      @Name("ignore_zeros") @Default("false") boolean ignoreZeros) {
    return new CosineDistance(normalize, ignoreZeros);
  }
}
