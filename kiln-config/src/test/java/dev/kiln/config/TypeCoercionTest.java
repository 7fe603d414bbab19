package dev.kiln.config;

import static dev.kiln.config.Sections.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.config.TestFunctions.Everything;
import dev.kiln.config.TestFunctions.Point;
import dev.kiln.config.TestFunctions.Reduce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type rules of resolution, through a function that takes one parameter of each type. */
class TypeCoercionTest {
  private final Registries registries = TestFunctions.registries();

  /** A valid call of {@code everything.v1}; tests replace one key. */
  private static Section everything(Object... overrides) {
    Section s = of(
        "@scorers", "everything.v1",
        "i", 3L, "l", 5_000_000_000L, "f", 0.5, "d", 2L, "b", true, "s", "text",
        "reduce", "Mean", "path", "corpus/train.jsonl", "ints", List.of(1L, 2L),
        "weights", Map.of("cats", 1L), "point", Map.of("x", 4L), "maybe", null,
        "anything", List.of("x", 1L));
    for (int i = 0; i < overrides.length; i += 2) {
      s.put((String) overrides[i], overrides[i + 1]);
    }
    return s;
  }

  private Everything resolve(Section call) {
    return (Everything) Resolver.resolve(of("e", call), registries).get("e");
  }

  private String problem(Section call) {
    KilnException e = catchThrowableOfType(() -> resolve(call), KilnException.class);
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0).message();
  }

  @Test
  void convertsEveryValueToItsParameterType() {
    Everything e = resolve(everything());

    assertThat(e).isEqualTo(new Everything(3, 5_000_000_000L, 0.5f, 2.0, true, "text",
        Reduce.MEAN, Path.of("corpus/train.jsonl"), List.of(1, 2), Map.of("cats", 1.0),
        new Point(4, 0), Optional.empty(), List.of("x", 1L)));
  }

  @Test
  void optionalParameterWrapsAPresentValueAndMayBeLeftOut() {
    assertThat(resolve(everything("maybe", 7L)).maybe()).contains(7);

    Section withoutMaybe = everything();
    withoutMaybe.remove("maybe");
    assertThat(resolve(withoutMaybe).maybe()).isEmpty();
  }

  @Test
  void wholeValuedFractionIsAcceptedForAnInteger() {
    assertThat(resolve(everything("i", 4.0)).i()).isEqualTo(4);
  }

  @Test
  void fractionForAnIntegerIsAProblem() {
    assertThat(problem(everything("i", 3.5)))
        .isEqualTo("[E049] e -> i: expected a whole number (int), found 3.5. "
            + "Remove the fractional part.");
  }

  @Test
  void integerOverflowIsAProblem() {
    assertThat(problem(everything("i", 3_000_000_000L)))
        .isEqualTo("[E048] e -> i: 3000000000 does not fit in int (from -2147483648 to "
            + "2147483647). Use a value inside that range.");
    assertThat(problem(everything("l", 1e30))).startsWith("[E048] e -> l: 1.0E30 does not fit "
        + "in long");
  }

  @Test
  void numberBeyondFloatRangeIsAProblem() {
    assertThat(problem(everything("f", 1e300))).startsWith("[E048] e -> f: 1.0E300 does not "
        + "fit in float");
  }

  @Test
  void unknownEnumNameListsTheAllowedValues() {
    assertThat(problem(everything("reduce", "median")))
        .isEqualTo("[E050] e -> reduce: \"median\" is not one of the allowed values: SUM, MEAN, "
            + "MAX. Use one of them (case does not matter).");
  }

  @Test
  void valuesOfTheWrongKindAreProblems() {
    assertThat(problem(everything("s", 3L)))
        .isEqualTo("[E047] e -> s: expected a string, found the number 3. "
            + "Change the value to a string.");
    assertThat(problem(everything("b", "yes"))).startsWith("[E047] e -> b: expected true or "
        + "false, found the string \"yes\".");
    assertThat(problem(everything("ints", 3L))).startsWith("[E047] e -> ints: expected a list "
        + "of integer (Integer), found the number 3.");
    assertThat(problem(everything("path", 1L))).startsWith("[E047] e -> path: expected a file "
        + "path");
  }

  @Test
  void listElementProblemNamesItsIndex() {
    assertThat(problem(everything("ints", List.of(1L, "two"))))
        .startsWith("[E047] e -> ints -> [1]: expected an integer (Integer), found the string "
            + "\"two\".");
  }

  @Test
  void mapValueProblemNamesItsKey() {
    assertThat(problem(everything("weights", Map.of("cats", "high"))))
        .startsWith("[E047] e -> weights -> cats: expected a number (Double)");
  }

  @Test
  void recordFieldProblemNamesItsKey() {
    assertThat(problem(everything("point", Map.of("x", 1L, "z", 2L))))
        .startsWith("[E052] e -> point -> z: unknown argument \"z\" for record Point. "
            + "Accepted: x, y.");
  }

  @Test
  void nullIsAProblemUnlessTheParameterIsOptional() {
    assertThat(problem(everything("s", null)))
        .isEqualTo("[E054] e -> s: expected a string, found null. Give a value; only optional "
            + "arguments may be null.");
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    assertThat(problem(everything("ints", withNull))).startsWith("[E054] e -> ints -> [0]:");
  }

  @Test
  void defaultOfNullMakesAParameterNullable() {
    Object relu = Resolver.resolve(of("r", of("@layers", "Relu.v1", "nO", null)), registries)
        .get("r");

    assertThat(relu).isEqualTo(new TestFunctions.Layer("relu", List.of()));
  }

  @Test
  void recordConstructorRejectingAValueIsReportedAtItsPath() {
    KilnException e = catchThrowableOfType(() -> Resolver.resolve(
        of("p", of("@scorers", "positive.v1", "value", Map.of("value", -1L))), registries),
        KilnException.class);

    assertThat(e.problems().get(0).message())
        .startsWith("[E053] p -> value: record Positive rejected its arguments: [E047]");
  }
}
