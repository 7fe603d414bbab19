package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Accumulate-only backprop stops before parameter-free layers, unless one asks for its gradient. */
class ChainAccumulateTest {
  private static Model<Floats, Floats> recorder(AtomicReference<Floats> received, boolean sends) {
    return Model.<Floats, Floats>builder("recorder", (model, x, isTrain) ->
        new ForwardResult<Floats, Floats>(x, dY -> {
          received.set(dY);
          return dY;
        })).attr(Chain.SENDS_GRADIENT, sends ? Boolean.TRUE : null).build();
  }

  @Test
  void aLayerThatSendsItsGradientReceivesItUnderAccumulate() {
    Floats x = Floats.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    AtomicReference<Floats> sent = new AtomicReference<>();
    AtomicReference<Floats> skipped = new AtomicReference<>();
    Model<Floats, Floats> sending = Chain.create(recorder(sent, true), Linear.create(2));
    Model<Floats, Floats> plain = Chain.create(recorder(skipped, false), Linear.create(2));
    sending.initialize(x, null, 1);
    plain.initialize(x, null, 1);
    sending.beginUpdate(x).backprop().accumulate(Floats.of(new float[] {1, 0, 0, 1}, 2, 2));
    plain.beginUpdate(x).backprop().accumulate(Floats.of(new float[] {1, 0, 0, 1}, 2, 2));
    assertThat(sent.get()).isNotNull();
    assertThat(sent.get().shape()).containsExactly(2, 3);
    assertThat(skipped.get()).isNull();
  }
}
