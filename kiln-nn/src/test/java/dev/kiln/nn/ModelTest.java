package dev.kiln.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Linear;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.optimizers.StatelessOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static Model<Floats, Floats> mlp() {
    return Chain.create(Relu.create(8, 0.1), Relu.create(8, 0.1), Softmax.create());
  }

  private static Floats sample(int rows, int cols) {
    Rng rng = new Rng(1);
    Floats x = Floats.zeros(rows, cols);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) rng.nextGaussian();
    }
    return x;
  }

  /** Records the keys it is given and subtracts the gradient. */
  private static final class Recorder extends StatelessOptimizer {
    final List<String> keys = new ArrayList<>();

    @Override
    public void update(String key, float[] weights, float[] gradient) {
      keys.add(key);
      for (int i = 0; i < weights.length; i++) {
        weights[i] -= gradient[i];
        gradient[i] = 0;
      }
    }
  }

  @Test
  void initializeInfersDimsFromSampleData() {
    Model<Floats, Floats> model = mlp().initialize(sample(3, 5), Floats.zeros(3, 4), 0);
    assertThat(model.getDim("nI")).isEqualTo(5);
    assertThat(model.getDim("nO")).isEqualTo(4);
    assertThat(model.predict(sample(2, 5)).shape()).containsExactly(2, 4);
    assertThat(model.paramCount()).isEqualTo(5 * 8 + 8 + 8 * 8 + 8 + 8 * 4 + 4);
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    Floats x = sample(3, 5);
    Floats y = Floats.zeros(3, 4);
    Map<String, Floats> a = mlp().initialize(x, y, 42).paramsByKey();
    Map<String, Floats> b = mlp().initialize(x, y, 42).paramsByKey();
    Map<String, Floats> c = mlp().initialize(x, y, 43).paramsByKey();
    assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
    a.forEach((key, value) -> assertThat(value.data()).containsExactly(b.get(key).data()));
    String w = "chain/0-chain/0-relu:W";
    assertThat(a.get(w).data()).isNotEqualTo(c.get(w).data());
  }

  @Test
  void finishUpdateUsesStableTreeKeysAndConsumesGradients() {
    Model<Floats, Floats> model = mlp().initialize(sample(3, 5), Floats.zeros(3, 4), 0);
    ForwardResult<Floats, Floats> result = model.beginUpdate(sample(3, 5));
    Floats before = model.paramsByKey().get("chain/2-softmax:W").copy();
    result.backprop().accumulate(sample(3, 4));
    Recorder recorder = new Recorder();
    model.finishUpdate(recorder);
    // Breadth first: the softmax sits one level above the ReLUs (each chained with dropout).
    assertThat(recorder.keys).containsExactly(
        "chain/2-softmax:W", "chain/2-softmax:b",
        "chain/0-chain/0-relu:W", "chain/0-chain/0-relu:b",
        "chain/1-chain/0-relu:W", "chain/1-chain/0-relu:b");
    assertThat(model.paramsByKey().get("chain/2-softmax:W").data())
        .isNotEqualTo(before.data());
  }

  @Test
  void accumulateSkipsOnlyTheInputGradient() {
    Floats x = sample(3, 5);
    Floats dY = sample(3, 4);
    Model<Floats, Floats> a = Chain.<Floats, Floats>create(Linear.create(6), Linear.create(4))
        .initialize(x, null, 1);
    Model<Floats, Floats> b = Chain.<Floats, Floats>create(Linear.create(6), Linear.create(4))
        .initialize(x, null, 1);
    a.beginUpdate(x).backprop().apply(dY);
    b.beginUpdate(x).backprop().accumulate(dY);
    a.paramsByKey().keySet().forEach(key -> {
      String path = key.substring(0, key.indexOf(':'));
      String param = key.substring(key.indexOf(':') + 1);
      assertThat(b.walkWithPaths().get(path).grad(param).data())
          .containsExactly(a.walkWithPaths().get(path).grad(param).data());
    });
  }

  @Test
  void accumulateStopsAtTheFirstLayerWithParameters() {
    Floats x = sample(2, 18);
    int[] calls = new int[1];
    Model<Floats, Floats> counted = Model.<Floats, Floats>builder("counted",
        (model, in, isTrain) -> new ForwardResult<>(in, dY -> {
          calls[0]++;
          return dY;
        })).build();
    Model<Floats, Floats> a = Chain.<Floats, Floats>create(counted,
        dev.kiln.nn.layers.Reshape.create(3, 3, null),
        dev.kiln.nn.layers.Conv2d.create(2, 2, 0), dev.kiln.nn.layers.Flatten.create(),
        Linear.create(4)).initialize(x, null, 1);
    Model<Floats, Floats> b = a.copy();
    a.beginUpdate(x).backprop().apply(sample(2, 4));
    assertThat(calls[0]).isEqualTo(1);
    b.beginUpdate(x).backprop().accumulate(sample(2, 4));
    assertThat(calls[0]).isEqualTo(1);
    a.paramsByKey().keySet().forEach(key -> {
      String path = key.substring(0, key.indexOf(':'));
      String param = key.substring(key.indexOf(':') + 1);
      assertThat(b.walkWithPaths().get(path).grad(param).data())
          .containsExactly(a.walkWithPaths().get(path).grad(param).data());
    });
  }

  @Test
  void useParamsSwapsAveragesInAndBack() {
    Model<Floats, Floats> model = Linear.create(2).initialize(sample(1, 3), null, 0);
    float[] trained = model.getParam("W").data().clone();
    float[] average = new float[6];
    try (SwappedParams swapped = model.useParams(Map.of("linear:W", average))) {
      assertThat(swapped.swapped()).isEqualTo(1);
      assertThat(model.getParam("W").data()).containsOnly(0f);
    }
    assertThat(model.getParam("W").data()).containsExactly(trained);
  }

  @Test
  void dimsAndParamsFailWithCodedMessages() {
    Model<Floats, Floats> model = Linear.create(null, null, null, null);
    assertThatThrownBy(() -> model.getDim("nO")).isInstanceOf(KilnException.class)
        .hasMessageContaining("[E100]").hasMessageContaining("nO");
    assertThatThrownBy(() -> model.getParam("W")).hasMessageContaining("[E103]");
    assertThatThrownBy(() -> model.getDim("nQ")).hasMessageContaining("[E102]");
    model.setDim("nI", 3);
    assertThatThrownBy(() -> model.initialize(sample(2, 4), null))
        .hasMessageContaining("[E101]");
    Model<Floats, Floats> ready = Linear.create(2).initialize(sample(2, 3), null);
    assertThatThrownBy(() -> ready.predict(sample(2, 7))).hasMessageContaining("[E105]");
  }

  @Test
  void copyHasItsOwnParameters() {
    Model<Floats, Floats> model = Linear.create(2).initialize(sample(1, 3), null, 0);
    Model<Floats, Floats> copy = model.copy();
    assertThat(copy.getParam("W").data()).containsExactly(model.getParam("W").data());
    copy.getParam("W").data()[0] += 1;
    assertThat(copy.getParam("W").data()[0]).isNotEqualTo(model.getParam("W").data()[0]);
  }

  @Test
  void paramSummaryInHumanUnits() {
    assertThat(ParamSummary.humanBytes(512)).isEqualTo("= 512 B");
    assertThat(ParamSummary.humanBytes(1_077_288)).isEqualTo("~ 1.0 MiB");
    assertThat(ParamSummary.humanBytes(1536)).isEqualTo("~ 1.5 KiB");
    assertThat(ParamSummary.describe(269_322, 1_077_288))
        .isEqualTo("Total number of trainable weights: 269,322 ~ 1.0 MiB.");
  }

  @Test
  void paramsLoadByKeyAndRejectUnknownKeysAndShapes() {
    Model<Floats, Floats> trained = mlp().initialize(sample(3, 5), Floats.zeros(3, 4), 1);
    Model<Floats, Floats> fresh = mlp().initialize(sample(3, 5), Floats.zeros(3, 4), 2);
    fresh.setParamsByKey(trained.paramsByKey());
    Floats x = sample(2, 5);
    assertThat(fresh.predict(x).data()).containsExactly(trained.predict(x).data());
    assertThatThrownBy(() -> fresh.setParamsByKey(Map.of("chain/9-relu:W", Floats.zeros(1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter");
    assertThatThrownBy(() -> fresh.setParamsByKey(
        Map.of("chain/2-softmax:b", Floats.zeros(3)))).hasMessageContaining("shape");
  }

  @Test
  void restoredRandomStatesRepeatTheSameDropoutMasks() {
    // A linear output: the MLP's zero-initialised softmax would hide the dropout masks.
    Model<Floats, Floats> model = Chain.<Floats, Floats>create(Relu.create(8, 0.5),
        Linear.create(4)).initialize(sample(3, 5), null, 1);
    Map<String, Long> states = model.rngStates();
    Floats x = sample(3, 5);
    float[] first = model.beginUpdate(x).output().data();
    assertThat(model.beginUpdate(x).output().data()).isNotEqualTo(first);
    model.restoreRngStates(states);
    assertThat(model.beginUpdate(x).output().data()).containsExactly(first);
  }

  @Test
  void walkVisitsWhatWalkWithPathsDoesInTheSameOrderEachSharedLayerOnce() {
    Model<Floats, Floats> shared = Relu.create(8, 0.1);
    Model<Floats, Floats> model = Chain.create(mlp(), shared, Chain.create(shared, Softmax.create()));

    List<Model<?, ?>> walked = model.walk();

    assertThat(walked).containsExactlyElementsOf(model.walkWithPaths().values());
    assertThat(walked.stream().filter(node -> node == shared)).hasSize(1);
    assertThat(walked.get(0)).isSameAs(model);
  }
}
