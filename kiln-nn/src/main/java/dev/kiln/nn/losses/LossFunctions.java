package dev.kiln.nn.losses;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The registered losses, with Thinc's names, parameter names and defaults. As in Thinc,
 * {@code missing_value} is a class id (a number) or, with {@code names}, a label (a string).
 */
public final class LossFunctions {
  private LossFunctions() {}

  @Registered(category = "losses", name = "CategoricalCrossentropy.v1")
  public static CategoricalCrossentropy categoricalCrossentropyV1(
      @Default("true") boolean normalize,
      @Default("null") List<String> names,
      @Name("missing_value") @Default("null") Object missingValue) {
    return categoricalCrossentropyV3(normalize, names, missingValue, null, 0.0);
  }

  @Registered(category = "losses", name = "CategoricalCrossentropy.v2")
  public static CategoricalCrossentropy categoricalCrossentropyV2(
      @Default("true") boolean normalize,
      @Default("null") List<String> names,
      @Name("missing_value") @Default("null") Object missingValue,
      @Name("neg_prefix") @Default("null") String negPrefix) {
    return categoricalCrossentropyV3(normalize, names, missingValue, negPrefix, 0.0);
  }

  @Registered(category = "losses", name = "CategoricalCrossentropy.v3")
  public static CategoricalCrossentropy categoricalCrossentropyV3(
      @Default("true") boolean normalize,
      @Default("null") List<String> names,
      @Name("missing_value") @Default("null") Object missingValue,
      @Name("neg_prefix") @Default("null") String negPrefix,
      @Name("label_smoothing") @Default("0.0") double labelSmoothing) {
    CategoricalCrossentropy loss =
        new CategoricalCrossentropy(normalize, labelSmoothing, missingId(missingValue));
    return names == null ? loss
        : loss.withNames(names, missingName(missingValue), Optional.ofNullable(negPrefix));
  }

  @Registered(category = "losses", name = "SequenceCategoricalCrossentropy.v1")
  public static SequenceCategoricalCrossentropy sequenceCategoricalCrossentropyV1(
      @Default("true") boolean normalize, @Default("null") List<String> names) {
    return sequenceCategoricalCrossentropyV3(normalize, names, null, null, 0.0);
  }

  @Registered(category = "losses", name = "SequenceCategoricalCrossentropy.v2")
  public static SequenceCategoricalCrossentropy sequenceCategoricalCrossentropyV2(
      @Default("true") boolean normalize,
      @Default("null") List<String> names,
      @Name("neg_prefix") @Default("null") String negPrefix) {
    return sequenceCategoricalCrossentropyV3(normalize, names, null, negPrefix, 0.0);
  }

  @Registered(category = "losses", name = "SequenceCategoricalCrossentropy.v3")
  public static SequenceCategoricalCrossentropy sequenceCategoricalCrossentropyV3(
      @Default("true") boolean normalize,
      @Default("null") List<String> names,
      @Name("missing_value") @Default("null") Object missingValue,
      @Name("neg_prefix") @Default("null") String negPrefix,
      @Name("label_smoothing") @Default("0.0") double labelSmoothing) {
    SequenceCategoricalCrossentropy loss =
        new SequenceCategoricalCrossentropy(normalize, labelSmoothing, missingId(missingValue));
    return names == null ? loss
        : loss.withNames(names, missingName(missingValue), Optional.ofNullable(negPrefix));
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

  private static OptionalInt missingId(Object missingValue) {
    if (missingValue == null || missingValue instanceof String) {
      return OptionalInt.empty();
    }
    if (missingValue instanceof Number number && number.doubleValue() == number.intValue()) {
      return OptionalInt.of(number.intValue());
    }
    throw new KilnException(ErrorCode.E172, "CategoricalCrossentropy", "missing_value",
        "a class id or a label", missingValue);
  }

  private static Optional<String> missingName(Object missingValue) {
    return missingValue instanceof String name ? Optional.of(name) : Optional.empty();
  }
}
