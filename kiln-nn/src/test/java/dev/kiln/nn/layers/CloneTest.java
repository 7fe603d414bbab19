package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

/** Copies made by {@code clone} are independent layers, each initialized and trained on its own. */
class CloneTest {
  @Test
  void clonedResidualBlocksEachInitializeTheirOwnWeights() {
    Floats x = Structures.gaussian(new Rng(1), 1, 4, 6);
    Model<Floats, Floats> blocks = Clone.create(Residual.create(Maxout.create(6, null, 2, null, null, null, true)), 3);
    blocks.initialize(x, null, 5);
    assertThat(blocks.paramsByKey()).hasSize(3 * 4);
    blocks.paramsByKey().values().forEach(param -> assertThat(param).isNotNull());
    GradientCheck.check(blocks, x, true, 2e-2);
  }

  @Test
  void copiesOwnDistinctWeights() {
    Floats x = Structures.gaussian(new Rng(2), 1, 3, 4);
    Model<Floats, Floats> blocks = Clone.create(Residual.create(Linear.create(4)), 2);
    blocks.initialize(x, null, 7);
    Model<?, ?> first = blocks.layers().get(0).layers().get(0);
    Model<?, ?> second = blocks.layers().get(1).layers().get(0);
    assertThat(first).isNotSameAs(second);
    assertThat(first.getParam("W").data()).isNotEqualTo(second.getParam("W").data());
  }
}
