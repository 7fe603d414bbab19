package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.ops.Kernels;

/** A dense layer with Swish activation, {@code x · sigmoid(x)}; Thinc's {@code Swish}. */
public final class Swish {
  private Swish() {}

  /**
   * @param nO output width, inferred from sample output when null
   * @param nI input width, inferred from sample input when null
   * @param initW weight initializer, He-normal when null (Thinc's default)
   * @param initB bias initializer, zeros when null
   * @param dropout when set, a {@link Dropout} of this rate follows (chained)
   * @param normalize when true, a {@link LayerNorm} follows before dropout
   */
  @Registered(category = "layers", name = "Swish.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB,
      @Default("null") Double dropout,
      @Default("false") boolean normalize) {
    return SmoothActivation.create("swish", Kernels::swish, Kernels::swishBackward, nO, nI, initW, initB, dropout, normalize);
  }
}
