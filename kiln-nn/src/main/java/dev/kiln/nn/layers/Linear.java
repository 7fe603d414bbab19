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
import java.util.function.UnaryOperator;

/** A dense layer without activation: {@code Y = X·Wᵀ + b}; Thinc's {@code Linear}. */
public final class Linear {
  private Linear() {}

  /**
   * @param nO output width, inferred from sample output at initialize when null
   * @param nI input width, inferred from sample input when null
   * @param initW weight initializer, Glorot-uniform when null
   * @param initB bias initializer, zeros when null
   */
  @Registered(category = "layers", name = "Linear.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB) {
    return Dense.builder("linear", Linear::forward, nO, nI,
            initW != null ? initW : Initializers.glorotUniform(),
            initB != null ? initB : Initializers.zeroInit())
        .build();
  }

  /** A linear layer of output width {@code nO}, input width inferred. */
  public static Model<Floats, Floats> create(int nO) {
    return create(nO, null, null, null);
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Floats y = Dense.affine(model, x);
    return new ForwardResult<>(y, Dense.backprop(model, x, UnaryOperator.identity()));
  }
}
