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
}
