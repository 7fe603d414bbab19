package dev.kiln.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Linear;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.nn.optimizers.OptimizerOptions;
import dev.kiln.nn.optimizers.StatelessOptimizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thinc's {@code has_grad} rule: {@code finishUpdate} updates a parameter from its first gradient
 * on, at every step, and never touches one that no backward pass reached (a tok2vec whose only
 * listener is frozen keeps its weights, without weight decay); the optimizer's saved state carries
 * the rule across a resume.
 */
class FinishUpdateTest {
  private static final String FIRST_W = "chain/0-linear:W";
  private static final String FIRST_B = "chain/0-linear:b";
  private static final String SECOND_W = "chain/1-linear:W";

  @TempDir Path dir;

  /** Zeroes the gradients it is given and keeps nothing, as the loop's skip of a step does. */
  private static final class Discard extends StatelessOptimizer {
    @Override
    public void update(String key, float[] weights, float[] gradient) {
      Arrays.fill(gradient, 0f);
    }
  }

  /** Two linear layers, 5 → 4 → 3, seeded. */
  private static Model<Floats, Floats> chain() {
    return Chain.<Floats, Floats>create(Linear.create(4), Linear.create(3))
        .initialize(sample(3, 5, 1), null, 7);
  }

  /** spaCy's default optimizer: Adam with L2 = 0.01 as weight decay. */
  private static Adam adam() {
    return new Adam(0.001, OptimizerOptions.defaults().withAverages(false).withL2(0.01, true));
  }

  private static Floats sample(int rows, int cols, long seed) {
    Rng rng = new Rng(seed);
    Floats x = Floats.zeros(rows, cols);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) rng.nextGaussian();
    }
    return x;
  }

  /** A backward pass through the second layer alone: the first gets no gradient. */
  @SuppressWarnings("unchecked")
  private static void backpropSecondOnly(Model<Floats, Floats> model) {
    Model<Floats, Floats> second = (Model<Floats, Floats>) model.layers().get(1);
    second.beginUpdate(sample(3, 4, 2)).backprop().accumulate(sample(3, 3, 3));
  }

  private static Map<String, float[]> weights(Model<?, ?> model) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    model.paramsByKey().forEach((key, value) -> copy.put(key, value.data().clone()));
    return copy;
  }

  private static Map<String, Floats> copies(Model<?, ?> model) {
    Map<String, Floats> copy = new LinkedHashMap<>();
    model.paramsByKey().forEach((key, value) -> copy.put(key, value.copy()));
    return copy;
  }

  @Test
  void aParameterNoGradientReachedIsLeftAloneAndOneThatHadAGradientIsUpdatedEveryStep() {
    Model<Floats, Floats> model = chain();
    Adam adam = adam();
    Map<String, float[]> initial = weights(model);
    backpropSecondOnly(model);
    model.finishUpdate(adam);
    Map<String, float[]> first = weights(model);
    assertThat(first.get(FIRST_W)).as("no weight decay without a gradient").containsExactly(initial.get(FIRST_W));
    assertThat(first.get(FIRST_B)).containsExactly(initial.get(FIRST_B));
    assertThat(first.get(SECOND_W)).isNotEqualTo(initial.get(SECOND_W));
    assertThat(adam.updates(FIRST_W)).as("Thinc's nr_update").isZero();
    assertThat(adam.updates(SECOND_W)).isEqualTo(1);

    // No backward pass at all: Thinc's gradient entry persists, so the second layer moves on
    // (weight decay, Adam's momentum) and the first still does not.
    model.finishUpdate(adam);
    Map<String, float[]> second = weights(model);
    assertThat(second.get(SECOND_W)).isNotEqualTo(first.get(SECOND_W));
    assertThat(adam.updates(SECOND_W)).isEqualTo(2);
    assertThat(second.get(FIRST_W)).containsExactly(initial.get(FIRST_W));
    assertThat(adam.updates(FIRST_W)).isZero();
  }

  @Test
  void aResumedOptimizerKeepsUpdatingWhatItUpdatedBeforeEvenWithoutAGradient() {
    Model<Floats, Floats> model = chain();
    Adam adam = adam();
    Map<String, float[]> initial = weights(model);
    backpropSecondOnly(model);
    model.finishUpdate(adam);
    adam.writeState(dir);
    Map<String, float[]> saved = weights(model);

    Model<Floats, Floats> resumed = chain();
    resumed.setParamsByKey(copies(model));
    Adam resumedAdam = adam();
    resumedAdam.readState(dir);
    // The next step gives neither run a gradient.
    model.finishUpdate(adam);
    resumed.finishUpdate(resumedAdam);

    Map<String, float[]> uninterrupted = weights(model);
    Map<String, float[]> after = weights(resumed);
    assertThat(after.get(SECOND_W)).as("updated as before the restore").isNotEqualTo(saved.get(SECOND_W));
    assertThat(after.get(FIRST_W)).containsExactly(initial.get(FIRST_W));
    assertThat(after.keySet()).isEqualTo(uninterrupted.keySet());
    uninterrupted.forEach((key, values) -> assertThat(after.get(key)).as(key).containsExactly(values));
    assertThat(resumedAdam.updates(SECOND_W)).isEqualTo(adam.updates(SECOND_W)).isEqualTo(2);
  }

  @Test
  void aGradientDiscardedByAStatelessOptimizerLeavesNoTrace() {
    Model<Floats, Floats> model = chain();
    Map<String, float[]> initial = weights(model);
    backpropSecondOnly(model);
    // What the training loop does with a skipped step's gradients.
    model.finishUpdate(new Discard());
    Adam adam = adam();
    model.finishUpdate(adam);
    Map<String, float[]> after = weights(model);
    initial.forEach((key, values) -> assertThat(after.get(key)).as(key).containsExactly(values));
    assertThat(adam.updates(SECOND_W)).isZero();
  }

  @Test
  void loadedWeightsHaveNoGradientUntilABackwardPassWritesOne() {
    Model<Floats, Floats> model = chain();
    backpropSecondOnly(model);
    Map<String, float[]> loaded = weights(model);
    // Loading sets every parameter, which forgets the gradient written before.
    model.setParamsByKey(copies(model));
    model.finishUpdate(adam());
    Map<String, float[]> after = weights(model);
    loaded.forEach((key, values) -> assertThat(after.get(key)).as(key).containsExactly(values));
  }

  @Test
  void twoModelsOfOneArchitectureKeepTheirOwnStateInOneOptimizerUnderTheirScopes() {
    Model<Floats, Floats> first = chain();
    Model<Floats, Floats> second = chain();
    Model<Floats, Floats> firstAlone = chain();
    Adam shared = adam();
    Adam alone = adam();
    for (int step = 0; step < 3; step++) {
      for (Model<Floats, Floats> model : List.of(first, second, firstAlone)) {
        model.beginUpdate(sample(3, 5, 10 + step)).backprop().accumulate(sample(3, 3, 20 + step));
      }
      first.finishUpdate(shared, "a.");
      second.finishUpdate(shared, "b.");
      firstAlone.finishUpdate(alone);
    }
    Map<String, float[]> expected = weights(firstAlone);
    Map<String, float[]> actual = weights(first);
    expected.forEach((key, values) -> assertThat(actual.get(key)).as(key).containsExactly(values));
    assertThat(shared.updates("a." + SECOND_W)).isEqualTo(shared.updates("b." + SECOND_W)).isEqualTo(3);
    assertThat(shared.updates(SECOND_W)).isZero();

    // Averages come back under the same scope.
    Adam averaging = new Adam(0.001, OptimizerOptions.defaults().withAverages(true));
    first.beginUpdate(sample(3, 5, 30)).backprop().accumulate(sample(3, 3, 31));
    first.finishUpdate(averaging, "a.");
    assertThat(averaging.averages()).containsKey("a." + SECOND_W);
    Map<String, float[]> before = weights(first);
    try (SwappedParams swapped = first.useParams(averaging.averages(), "a.")) {
      assertThat(weights(first).get(SECOND_W)).containsExactly(averaging.averages().get("a." + SECOND_W));
    }
    assertThat(weights(first).get(SECOND_W)).containsExactly(before.get(SECOND_W));
  }

  @Test
  void optimizerStateWrittenBeforeKeysHadScopesIsRefusedOnResume() throws Exception {
    Model<Floats, Floats> model = chain();
    Adam adam = adam();
    backpropSecondOnly(model);
    model.finishUpdate(adam, "classifier.");
    adam.writeState(dir);
    Path scalars = dir.resolve("optimizer.json");
    java.nio.file.Files.writeString(scalars,
        java.nio.file.Files.readString(scalars).replaceFirst("\\s*\"format\" : 2,", ""));

    assertThatThrownBy(() -> adam().readState(dir))
        .isInstanceOf(dev.kiln.config.KilnException.class)
        .hasMessageContaining("E165")
        .hasMessageContaining("earlier kiln");
  }
}
