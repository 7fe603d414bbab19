package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Registries;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered layer, built from the registry as a config would build it, goes through
 * initialize → forward → backward with shape checks (Thinc's {@code test_layers_api.py}).
 */
class LayerContractTest {
  /** How to build and feed one registered layer. */
  record Case(Map<String, Object> args, List<Object> children, Object input, String outputShape) {}

  private static final Rng RNG = new Rng(11);

  private static Floats x() {
    return Structures.gaussian(new Rng(1), 1, 4, 5);
  }

  /** Two 4×4 images of two channels, NHWC. */
  private static Floats images() {
    return Structures.gaussian(new Rng(4), 1, 2, 32).reshape(2, 4, 4, 2);
  }

  private static final Map<String, Case> CASES = new TreeMap<>(Map.ofEntries(
      Map.entry("Linear.v1", new Case(Map.of("nO", 3L), List.of(), x(), "Floats[4, 3]")),
      Map.entry("Relu.v1", new Case(Map.of("nO", 3L, "dropout", 0.2, "normalize", true),
          List.of(), x(), "Floats[4, 3]")),
      Map.entry("Softmax.v1", new Case(Map.of("nO", 3L), List.of(), x(), "Floats[4, 3]")),
      Map.entry("Softmax.v2", new Case(Map.of("nO", 3L, "normalize_outputs", false),
          List.of(), x(), "Floats[4, 3]")),
      Map.entry("Maxout.v1", new Case(Map.of("nO", 3L, "nP", 2L), List.of(), x(),
          "Floats[4, 3]")),
      Map.entry("LayerNorm.v1", new Case(Map.of(), List.of(), x(), "Floats[4, 5]")),
      Map.entry("Dropout.v1", new Case(Map.of("rate", 0.5), List.of(), x(), "Floats[4, 5]")),
      Map.entry("Sigmoid.v1", new Case(Map.of("nO", 2L), List.of(), x(), "Floats[4, 2]")),
      Map.entry("Gelu.v1", new Case(Map.of("nO", 2L), List.of(), x(), "Floats[4, 2]")),
      Map.entry("Swish.v1", new Case(Map.of("nO", 2L), List.of(), x(), "Floats[4, 2]")),
      Map.entry("Embed.v1", new Case(Map.of("nO", 4L, "nV", 10L), List.of(),
          Ints.of(new int[] {1, 9, 0}), "Floats[3, 4]")),
      Map.entry("HashEmbed.v1", new Case(Map.of("nO", 4L, "nV", 10L, "column", 1L),
          List.of(), Ints.of(new int[] {1, 900, 2, -5, 3, 77}, 3, 2), "Floats[3, 4]")),
      Map.entry("chain.v1", new Case(Map.of(), List.of(Linear.create(3), Linear.create(2)), x(),
          "Floats[4, 2]")),
      Map.entry("concatenate.v1", new Case(Map.of(), List.of(Linear.create(3),
          Linear.create(2)), x(), "Floats[4, 5]")),
      Map.entry("add.v1", new Case(Map.of(), List.of(Linear.create(3), Linear.create(3)), x(),
          "Floats[4, 3]")),
      Map.entry("residual.v1", new Case(Map.of(), List.of(Linear.create(5)), x(),
          "Floats[4, 5]")),
      Map.entry("clone.v1", new Case(Map.of("n", 3L), List.of(Linear.create(5)), x(),
          "Floats[4, 5]")),
      Map.entry("noop.v1", new Case(Map.of(), List.of(Linear.create(5)), x(), "Floats[4, 5]")),
      Map.entry("with_array.v1", new Case(Map.of(), List.of(Linear.create(2)),
          Structures.list(new Rng(2), 5, 2, 3), "[Floats[2, 2], Floats[3, 2]]")),
      Map.entry("with_ragged.v1", new Case(Map.of(), List.of(WithArray.create(Linear.create(2),
          0)), Structures.list(new Rng(2), 5, 2, 3), "[Floats[2, 2], Floats[3, 2]]")),
      Map.entry("with_padded.v1", new Case(Map.of(), List.of(WithArray.create(Linear.create(2),
          0)), Structures.ragged(new Rng(2), 5, 2, 3), "Ragged(Floats[5, 2], [2, 3])")),
      Map.entry("with_list.v1", new Case(Map.of(), List.of(WithArray.create(Linear.create(2),
          0)), dev.kiln.nn.ops.SequenceOps.pad(Structures.list(new Rng(2), 5, 2, 3)),
          "Padded(Floats[2, 3, 2], [2, 3])")),
      Map.entry("list2ragged.v1", new Case(Map.of(), List.of(),
          Structures.list(new Rng(2), 5, 2, 3), "Ragged(Floats[5, 5], [2, 3])")),
      Map.entry("ragged2list.v1", new Case(Map.of(), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "[Floats[2, 5], Floats[3, 5]]")),
      Map.entry("list2array.v1", new Case(Map.of(), List.of(),
          Structures.list(new Rng(2), 5, 2, 3), "Floats[5, 5]")),
      Map.entry("list2padded.v1", new Case(Map.of(), List.of(),
          Structures.list(new Rng(2), 5, 2, 3), "Padded(Floats[2, 3, 5], [2, 3])")),
      Map.entry("padded2list.v1", new Case(Map.of(), List.of(), dev.kiln.nn.ops.SequenceOps.pad(
          Structures.list(new Rng(2), 5, 2, 3)), "[Floats[2, 5], Floats[3, 5]]")),
      Map.entry("ParametricAttention.v1", new Case(Map.of(), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "Ragged(Floats[5, 5], [2, 3])")),
      Map.entry("reduce_sum.v1", new Case(Map.of(), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "Floats[2, 5]")),
      Map.entry("reduce_mean.v1", new Case(Map.of(), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "Floats[2, 5]")),
      Map.entry("reduce_max.v1", new Case(Map.of(), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "Floats[2, 5]")),
      Map.entry("kiln.Conv2d.v1", new Case(Map.of("nO", 3L, "size", 3L, "padding", 1L),
          List.of(), images(), "Floats[2, 4, 4, 3]")),
      Map.entry("kiln.MaxPool2d.v1", new Case(Map.of(), List.of(), images(),
          "Floats[2, 2, 2, 2]")),
      Map.entry("kiln.AvgPool2d.v1", new Case(Map.of("size", 3L, "stride", 1L), List.of(),
          images(), "Floats[2, 2, 2, 2]")),
      Map.entry("kiln.Flatten.v1", new Case(Map.of(), List.of(), images(), "Floats[2, 32]")),
      Map.entry("kiln.Reshape.v1", new Case(Map.of("height", 2L, "width", 3L), List.of(),
          Structures.gaussian(new Rng(3), 1, 2, 12), "Floats[2, 2, 3, 2]")),
      Map.entry("kiln.InputNorm.v1", new Case(Map.of(), List.of(), x(), "Floats[4, 5]")),
      Map.entry("expand_window.v1", new Case(Map.of("window_size", 1L), List.of(),
          Structures.ragged(new Rng(2), 5, 2, 3), "Ragged(Floats[5, 15], [2, 3])"))));

  static Stream<Arguments> registeredLayers() {
    return Registries.load().names("layers").stream().map(Arguments::of);
  }

  @Test
  void everyRegisteredLayerHasACaseAndEveryCaseIsRegistered() {
    assertThat(CASES.keySet())
        .containsExactlyInAnyOrderElementsOf(Registries.load().names("layers"));
  }

  @ParameterizedTest
  @MethodSource("registeredLayers")
  @SuppressWarnings("unchecked")
  void buildsInitializesRunsForwardAndBackward(String name) throws Exception {
    Case c = CASES.get(name);
    assertThat(c).as("a contract case for registered layer %s", name).isNotNull();
    var function = Registries.load().find("layers", name).orElseThrow();
    Model<Object, Object> model =
        (Model<Object, Object>) RegistryCalls.call(function, c.args(), c.children());
    model.initialize(c.input(), null, 5);

    ForwardResult<Object, Object> result = model.beginUpdate(c.input());
    assertThat(Structures.shapeOf(result.output())).isEqualTo(c.outputShape());
    assertThat(Structures.shapeOf(model.predict(c.input()))).isEqualTo(c.outputShape());
    Object dY = Structures.randomLike(result.output(), RNG);
    Object dX = result.backprop().apply(dY);
    assertThat(Structures.shapeOf(dX)).isEqualTo(Structures.shapeOf(c.input()));
    for (var param : model.paramsByKey().entrySet()) {
      assertThat(model.walkWithPaths().get(param.getKey().substring(0,
          param.getKey().lastIndexOf(':'))).grad(param.getKey().substring(
              param.getKey().lastIndexOf(':') + 1)).shape())
          .as("gradient shape of %s", param.getKey())
          .containsExactly(param.getValue().shape());
    }
  }

  @Test
  void initializersAreRegisteredUnderThincNames() {
    assertThat(Registries.load().names("initializers")).contains("glorot_uniform_init.v1",
        "glorot_normal_init.v1", "he_normal_init.v1", "normal_init.v1", "uniform_init.v1",
        "zero_init.v1");
  }
}
