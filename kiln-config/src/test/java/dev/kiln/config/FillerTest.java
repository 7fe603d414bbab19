package dev.kiln.config;

import static dev.kiln.config.Sections.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FillerTest {
  private final Registries registries = TestFunctions.registries();

  @Test
  void appendsEveryMissingDefaultAfterTheGivenKeys() {
    Section root = of("training", of(
        "optimizer", of("@optimizers", "Adam.v1", "beta1", 0.8),
        "seed", 1L));

    Section filled = Filler.fill(root, registries);

    Section optimizer = filled.section("training").orElseThrow().section("optimizer").orElseThrow();
    assertThat(optimizer.keys()).containsExactly("@optimizers", "beta1", "learn_rate", "grad_clip");
    assertThat(optimizer.get("beta1")).isEqualTo(0.8);
    assertThat(optimizer.get("learn_rate")).isEqualTo(0.001);
    assertThat(optimizer.has("grad_clip")).isTrue();
    assertThat(optimizer.get("grad_clip")).isNull();
    assertThat(filled.section("training").orElseThrow().get("seed")).isEqualTo(1L);
  }

  @Test
  void leavesTheInputUntouched() {
    Section root = of("o", of("@optimizers", "Adam.v1"));

    Filler.fill(root, registries);

    assertThat(root).isEqualTo(of("o", of("@optimizers", "Adam.v1")));
  }

  @Test
  void fillsPromisesNestedInPositionalSections() {
    Section root = of("model", of("@layers", "kiln.Concat.v1", "*", of(
        "relu", of("@layers", "Relu.v1"))));

    Section model = Filler.fill(root, registries).section("model").orElseThrow();

    assertThat(model.keys()).containsExactly("@layers", "*", "reduce");
    assertThat(model.get("reduce")).isEqualTo("sum");
    Section relu = model.section("*").orElseThrow().section("relu").orElseThrow();
    assertThat(relu).isEqualTo(of("@layers", "Relu.v1", "nO", null, "dropout", 0.0));
  }

  @Test
  void fillsPromisesInAPositionalJsonList() {
    Section root = of("pair", of("@layers", "kiln.Pair.v1", "*", List.of(
        Map.of("@layers", "Relu.v1", "nO", 1L), Map.of("@layers", "Relu.v1", "nO", 2L))));

    List<?> positional =
        (List<?>) Filler.fill(root, registries).section("pair").orElseThrow().get("*");

    List<Object> dropouts =
        positional.stream().map(item -> (Object) ((Map<?, ?>) item).get("dropout")).toList();
    assertThat(dropouts).containsExactly(0.0, 0.0);
  }

  @Test
  void positionallyGivenArgumentsAreNotWrittenAgain() {
    Section root = of("pair", of("@layers", "kiln.Pair.v1", "*", of(
        "a", of("@layers", "Relu.v1", "nO", 1L, "dropout", 0.0),
        "b", of("@layers", "Relu.v1", "nO", 2L, "dropout", 0.0))));

    assertThat(Filler.fill(root, registries)).isEqualTo(root);
  }

  @Test
  void defaultThatIsAPromiseIsWrittenAsASection() {
    Section filled = Filler.fill(of("o", of("@optimizers", "Scheduled.v1")), registries);

    assertThat(filled.section("o").orElseThrow().get("learn_rate"))
        .isEqualTo(of("@schedules", "constant.v1", "rate", 0.1));
  }

  @Test
  void inlinePromiseObjectsAreFilledInPlace() {
    Section filled = Filler.fill(of("o", Map.of("@optimizers", "Adam.v1")), registries);

    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("@optimizers", "Adam.v1");
    expected.put("learn_rate", 0.001);
    expected.put("beta1", 0.9);
    expected.put("grad_clip", null);
    assertThat(filled.get("o")).isEqualTo(expected);
  }

  @Test
  void validatesWithoutCallingFunctions() {
    Section root = of("logger", of("@loggers", "rejects.v1", "level", 3L),
        "o", of("@optimizers", "Adam.v1", "learn_rte", 0.1));

    KilnException e = catchThrowableOfType(() -> Filler.fill(root, registries),
        KilnException.class);

    assertThat(e.problems()).extracting(Problem::message).singleElement().satisfies(m ->
        assertThat(m).startsWith("[E052] o -> learn_rte: unknown argument"));
  }

  @Test
  void checksDeclaredReturnTypesOfNestedPromises() {
    Section root = of("o", of("@optimizers", "Adam.v1", "learn_rate", of("@layers", "Relu.v1")));

    KilnException e = catchThrowableOfType(() -> Filler.fill(root, registries),
        KilnException.class);

    assertThat(e.problems().get(0).message()).isEqualTo("[E047] o -> learn_rate: expected a "
        + "number (double), found the result of @layers \"Relu.v1\" (Layer). Change the value to "
        + "a number (double).");
  }

  @Test
  void acceptsNestedPromisesWhoseDeclaredTypeFitsOrConverts() {
    Section root = of(
        "adam", of("@optimizers", "Adam.v1", "learn_rate", of("@schedules", "constant.v1", "rate", 1L)),
        "sgd", of("@optimizers", "SGD.v1", "learn_rate", of("@schedules", "constant.v1", "rate", 1L)));

    Section filled = Filler.fill(root, registries);

    assertThat(filled.section("sgd").orElseThrow().keys()).containsExactly("@optimizers", "learn_rate");
  }
}
