package dev.kiln.nn.layers;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;

/**
 * A dense layer followed by an element-wise activation whose gradient needs the pre-activation
 * (and, for some, the output): what {@link Gelu} and {@link Swish} share. Thinc's defaults: He-normal
 * weights, zero bias.
 */
final class SmoothActivation {
  /** {@code y = f(z)} over {@code n} values. */
  @FunctionalInterface
  interface Activate {
    void apply(float[] z, float[] y, int n);
  }

  /** {@code dZ = dY · f'(z)} over {@code n} values; {@code y} is {@code f(z)}. */
  @FunctionalInterface
  interface Differentiate {
    void apply(float[] dY, float[] z, float[] y, float[] dZ, int n);
  }

  private SmoothActivation() {}

  static Model<Floats, Floats> create(String name, Activate activate, Differentiate differentiate, Integer nO, Integer nI,
      Initializer initW, Initializer initB, Double dropout, boolean normalize) {
    Model<Floats, Floats> model =
        Dense.builder(name, (layer, x, isTrain) -> forward(layer, x, activate, differentiate), nO, nI,
                initW != null ? initW : Initializers.heNormal(),
                initB != null ? initB : Initializers.zeroInit())
            .build();
    return Dense.withExtras(model, nO, dropout, normalize);
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x, Activate activate,
      Differentiate differentiate) {
    Floats z = Dense.affine(model, x);
    Floats y = Floats.zeros(z.shape());
    activate.apply(z.data(), y.data(), y.size());
    return new ForwardResult<>(y, Dense.backprop(model, x, dY -> {
      Floats dZ = Floats.zeros(y.shape());
      differentiate.apply(dY.data(), z.data(), y.data(), dZ.data(), dZ.size());
      return dZ;
    }));
  }
}
