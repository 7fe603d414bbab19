package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;
import dev.kiln.nn.ops.Kernels;

/** A dense layer with logistic activation, for multi-label outputs; Thinc's {@code Sigmoid}. */
public final class Sigmoid {
  private Sigmoid() {}

  /**
   * @param nO output width, inferred from sample output when null
   * @param nI input width, inferred from sample input when null
   * @param initW weight initializer, zeros when null (Thinc's default)
   * @param initB bias initializer, zeros when null
   */
  @Registered(category = "layers", name = "Sigmoid.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB) {
    return Dense.builder("sigmoid", Sigmoid::forward, nO, nI,
            initW != null ? initW : Initializers.zeroInit(),
            initB != null ? initB : Initializers.zeroInit())
        .build();
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Floats y = Dense.affine(model, x);
    Kernels.sigmoid(y.data(), y.size());
    return new ForwardResult<>(y, Dense.backprop(model, x, dY -> {
      Floats dZ = Floats.zeros(y.shape());
      Kernels.sigmoidBackward(dY.data(), y.data(), dZ.data(), dZ.size());
      return dZ;
    }));
  }
}
