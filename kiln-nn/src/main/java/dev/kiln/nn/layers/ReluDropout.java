package dev.kiln.nn.layers;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;
import java.util.List;

/**
 * Thinc's {@code Relu(dropout=rate)}: a chain of a ReLU layer and a {@link Dropout}, trained in
 * two passes instead of four. The forward pass applies the ReLU and the mask to the product in
 * place; the backward pass reads which outputs are positive instead of drawing the mask again.
 * Values, random draws, tree and weights are those of the plain chain.
 */
final class ReluDropout {
  private ReluDropout() {}

  /** The chain {@code relu >> dropout}, computed fused in training. */
  static Model<Floats, Floats> create(Model<Floats, Floats> relu, Model<Floats, Floats> dropout) {
    return Chain.withForward(ReluDropout::forward, List.of(relu, dropout));
  }

  @SuppressWarnings("unchecked")
  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Model<Floats, Floats> relu = (Model<Floats, Floats>) model.layers().get(0);
    Model<?, ?> dropout = model.layers().get(1);
    float rate = (float) Dropout.rate(dropout);
    if (!isTrain || rate == 0f) {
      // Dropout passes its input through; so does its gradient.
      return relu.call(x, isTrain);
    }
    Floats y = Dense.affine(relu, x);
    long key = dropout.rng().nextLong();
    Dropout.inMaskBlocks(y.size(), (from, to) -> Kernels.reluThenDropout(key, rate, y.data(),
        from, to));
    float keep = 1f / (1f - rate);
    return new ForwardResult<>(y, Dense.backprop(relu, x, dY -> {
      Floats dZ = Floats.zeros(y.shape());
      Ops.get().pool().parallelFor(y.size(), 4096, (from, to) -> Kernels.reluDropoutBackward(
          dY.data(), y.data(), keep, dZ.data(), from, to));
      return dZ;
    }));
  }
}
