package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

/**
 * {@code Maxout(normalize=true)} runs fused; it must give exactly the values of the plain chain
 * of a Maxout layer and a LayerNorm: outputs, input gradients and every parameter's gradient.
 */
class MaxoutNormTest {
  // 300 rows: two pool tasks of 150, each nine blocks of 16 rows and a partial one.
  private static final int ROWS = 300;
  private static final int NI = 24;
  private static final int NO = 64;

  @Test
  void fusedTrainingStepsEqualThePlainChainExactly() {
    for (int pieces = 2; pieces <= 3; pieces++) {
      Model<Floats, Floats> fused = Maxout.create(NO, NI, pieces, null, null, null, true);
      Model<Floats, Floats> plain = Chain.create(
          Maxout.create(NO, NI, pieces, null, null, null, false), LayerNorm.create(NO));
      Floats sample = gaussian(new Rng(1), ROWS, NI);
      fused.initialize(sample, null, 11);
      plain.initialize(sample, null, 11);
      Rng data = new Rng(2);
      for (int step = 0; step < 3; step++) {
        Floats x = gaussian(data, ROWS, NI);
        Floats output = sameTrainingStep(fused, plain, x, gaussian(data, ROWS, NO));
        assertThat(fused.predict(x).data()).containsExactly(output.data());
      }
      for (int layer = 0; layer < 2; layer++) {
        Model<?, ?> f = fused.layers().get(layer);
        Model<?, ?> p = plain.layers().get(layer);
        for (String param : f.paramNames()) {
          assertThat(f.grad(param).data()).as("%s %s", f.name(), param)
              .containsExactly(p.grad(param).data());
        }
      }
    }
  }

  /**
   * With its dropout inside, the fused node gives the values of the plain chain followed by a
   * Dropout whose stream is where the node's is: the same masks on the output and the gradient.
   */
  @Test
  void dropoutInsideEqualsADropoutAfterDrawingFromTheSameStream() {
    Model<Floats, Floats> fused = Maxout.normalizedWithDropout(NO, NI, 3, 0.0);
    Model<Floats, Floats> dropout = Dropout.create(0.0);
    Model<Floats, Floats> plain = Chain.create(Maxout.create(NO, NI, 3, null, null, null, true), dropout);
    Floats sample = gaussian(new Rng(1), ROWS, NI);
    fused.initialize(sample, null, 11);
    plain.initialize(sample, null, 11);
    fused.layers().get(0).setParam("W", plain.layers().get(0).layers().get(0).getParam("W"));
    dropout.rng().setState(fused.rng().state());
    Dropout.setRates(fused, 0.3);
    Dropout.setRates(plain, 0.3);
    Rng data = new Rng(2);
    for (int step = 0; step < 3; step++) {
      sameTrainingStep(fused, plain, gaussian(data, ROWS, NI), gaussian(data, ROWS, NO));
    }
    assertThat(zeros(fused.beginUpdate(gaussian(data, ROWS, NI)).output().data()))
        .as("a rate of 0.3 drops about 30%% of the outputs").isBetween(ROWS * NO / 4, ROWS * NO * 7 / 20);
    assertThat(zeros(fused.predict(gaussian(data, ROWS, NI)).data())).as("none at prediction").isZero();
  }

  @Test
  void withDropoutInsideTheTreeIsThatOfMaxoutNormalized() {
    Model<Floats, Floats> inside = Maxout.normalizedWithDropout(NO, NI, 3, 0.0);
    assertThat(inside.layers()).extracting(Model::name).containsExactly("maxout", "layernorm");
    assertThat(inside.attrs()).containsEntry("dropout_rate", 0.0);
  }

  /** Checks one training step of both on {@code x} and {@code dY} gives the same output and input gradient; returns the output. */
  private static Floats sameTrainingStep(Model<Floats, Floats> fused, Model<Floats, Floats> plain, Floats x, Floats dY) {
    ForwardResult<Floats, Floats> a = fused.beginUpdate(x);
    ForwardResult<Floats, Floats> b = plain.beginUpdate(x);
    assertThat(a.output().data()).containsExactly(b.output().data());
    assertThat(a.backprop().apply(dY).data()).containsExactly(b.backprop().apply(dY).data());
    return a.output();
  }

  private static int zeros(float[] values) {
    int zeros = 0;
    for (float value : values) {
      zeros += value == 0f ? 1 : 0;
    }
    return zeros;
  }

  @Test
  void theTreeIsTheChainThincBuilds() {
    Model<Floats, Floats> fused = Maxout.create(NO, NI, 3, null, null, 0.1, true);
    assertThat(fused.name()).isEqualTo("chain");
    assertThat(fused.layers()).extracting(Model::name).containsExactly("chain", "dropout");
    assertThat(fused.layers().get(0).layers()).extracting(Model::name)
        .containsExactly("maxout", "layernorm");
  }

  private static Floats gaussian(Rng rng, int rows, int cols) {
    Floats x = Floats.zeros(rows, cols);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) rng.nextGaussian();
    }
    return x;
  }
}
