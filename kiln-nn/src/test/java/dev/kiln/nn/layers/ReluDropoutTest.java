package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

/**
 * {@code Relu(dropout=...)} trains fused; it must give exactly the values of the plain chain of
 * a ReLU layer and a Dropout: outputs, input gradients, weight gradients, over several steps.
 */
class ReluDropoutTest {
  private static final int ROWS = 64;
  private static final int NI = 9;
  // 64 x 300 values span five dropout blocks (4096 entries), so the pool splits them.
  private static final int NO = 300;

  @Test
  void fusedTrainingStepsEqualThePlainChainExactly() {
    Model<Floats, Floats> fused = Relu.create(NO, NI, null, null, 0.3, false);
    Model<Floats, Floats> plain = Chain.create(
        Relu.create(NO, NI, null, null, null, false), Dropout.create(0.3));
    Floats sample = randomInput(new Rng(1));
    fused.initialize(sample, null, 7);
    plain.initialize(sample, null, 7);
    Rng data = new Rng(2);
    for (int step = 0; step < 3; step++) {
      Floats x = randomInput(data);
      Floats dY = randomGradient(data);
      ForwardResult<Floats, Floats> a = fused.beginUpdate(x);
      ForwardResult<Floats, Floats> b = plain.beginUpdate(x);
      assertThat(a.output().data()).containsExactly(b.output().data());
      assertThat(a.backprop().apply(dY).data()).containsExactly(b.backprop().apply(dY).data());
    }
    Model<?, ?> fusedRelu = fused.layers().get(0);
    Model<?, ?> plainRelu = plain.layers().get(0);
    assertThat(fusedRelu.grad("W").data()).containsExactly(plainRelu.grad("W").data());
    assertThat(fusedRelu.grad("b").data()).containsExactly(plainRelu.grad("b").data());
  }

  @Test
  void someValuesAreDroppedAndTheKeptOnesScaled() {
    Model<Floats, Floats> fused = Relu.create(NO, NI, null, null, 0.5, false);
    Floats x = randomInput(new Rng(3));
    fused.initialize(x, null, 5);
    float[] relu = fused.predict(x).data();
    float[] dropped = fused.beginUpdate(x).output().data();
    int positive = 0;
    int zeroed = 0;
    for (int i = 0; i < relu.length; i++) {
      if (relu[i] > 0) {
        positive++;
        if (dropped[i] == 0) {
          zeroed++;
        } else {
          assertThat(dropped[i]).isEqualTo(relu[i] * 2f);
        }
      }
    }
    assertThat((double) zeroed / positive).isBetween(0.45, 0.55);
  }

  @Test
  void theTreeIsTheChainThincBuilds() {
    Model<Floats, Floats> fused = Relu.create(NO, NI, null, null, 0.1, false);
    assertThat(fused.name()).isEqualTo("chain");
    assertThat(fused.layers()).extracting(Model::name).containsExactly("relu", "dropout");
  }

  private static Floats randomInput(Rng rng) {
    Floats x = Floats.zeros(ROWS, NI);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) rng.nextGaussian();
    }
    return x;
  }

  private static Floats randomGradient(Rng rng) {
    Floats d = Floats.zeros(ROWS, NO);
    for (int i = 0; i < d.size(); i++) {
      d.data()[i] = (float) rng.nextGaussian();
    }
    return d;
  }
}
