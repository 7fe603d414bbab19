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

/**
 * A dense output layer with softmax activation; Thinc's {@code Softmax}.
 *
 * <p>As in Thinc, the backward pass takes the gradient with respect to the layer's
 * <em>logits</em>, which is what categorical cross-entropy returns ({@code guesses - truths}),
 * so the softmax Jacobian is never formed.
 */
public final class Softmax {
  private Softmax() {}

  /**
   * @param nO output width (classes), inferred from sample output when null
   * @param nI input width, inferred from sample input when null
   * @param initW weight initializer, zeros when null (Thinc's default)
   * @param initB bias initializer, zeros when null
   */
  @Registered(category = "layers", name = "Softmax.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB) {
    return createV2(nO, nI, initW, initB, true, 1.0);
  }

  /**
   * Softmax.v2: with {@code normalizeOutputs} false, {@link Model#predict} returns the logits
   * (divided by {@code temperature}) instead of probabilities.
   */
  @Registered(category = "layers", name = "Softmax.v2")
  public static Model<Floats, Floats> createV2(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB,
      @Name("normalize_outputs") @Default("true") boolean normalizeOutputs,
      @Default("1.0") double temperature) {
    return Dense.builder("softmax", Softmax::forward, nO, nI,
            initW != null ? initW : Initializers.zeroInit(),
            initB != null ? initB : Initializers.zeroInit())
        .attr("normalize_outputs", normalizeOutputs)
        .attr("temperature", (float) temperature)
        .build();
  }

  /** A softmax layer with zero-initialised weights and {@code nO}, {@code nI} inferred. */
  public static Model<Floats, Floats> create() {
    return create(null, null, null, null);
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Floats y = Dense.affine(model, x);
    float[] data = y.data();
    float temperature = (Float) model.attrs().get("temperature");
    if (temperature != 1f) {
      Kernels.scale(data, 0, y.size(), 1, y.size(), 1f / temperature);
    }
    if (isTrain || (Boolean) model.attrs().get("normalize_outputs")) {
      Kernels.softmaxRows(data, y.rows(), y.cols());
    }
    UnaryOperator<Floats> logitGrad = temperature == 1f ? UnaryOperator.identity() : dY -> {
      Floats scaled = dY.copy();
      Kernels.scale(scaled.data(), 0, scaled.size(), 1, scaled.size(), 1f / temperature);
      return scaled;
    };
    return new ForwardResult<>(y, Dense.backprop(model, x, logitGrad));
  }
}
