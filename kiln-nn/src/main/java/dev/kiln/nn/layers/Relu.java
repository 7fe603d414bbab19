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
import dev.kiln.nn.ops.Ops;

/**
 * A dense layer with ReLU activation, {@code Y = max(X·Wᵀ + b, 0)}, optionally followed by
 * layer normalisation and dropout; Thinc's {@code Relu}. Bias and activation run in one pass.
 */
public final class Relu {
  /** Values per pool task for the element-wise passes: enough to outweigh handing a task out. */
  private static final int GRAIN = 1 << 14;

  private Relu() {}

  /**
   * @param nO output width, inferred from sample output when null
   * @param nI input width, inferred from sample input when null
   * @param initW weight initializer, Glorot-uniform when null
   * @param initB bias initializer, zeros when null
   * @param dropout when set, a {@link Dropout} of this rate follows (chained; trained fused with
   *     the ReLU, see {@link ReluDropout})
   * @param normalize when true, a {@link LayerNorm} follows before dropout
   */
  @Registered(category = "layers", name = "Relu.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB,
      @Default("null") Double dropout,
      @Default("false") boolean normalize) {
    Model<Floats, Floats> model =
        Dense.builder("relu", Relu::forward, nO, nI,
                initW != null ? initW : Initializers.glorotUniform(),
                initB != null ? initB : Initializers.zeroInit())
            .build();
    if (dropout != null && !normalize) {
      return ReluDropout.create(model, Dropout.create(dropout));
    }
    return Dense.withExtras(model, nO, dropout, normalize);
  }

  /** A ReLU layer of width {@code nO} followed by dropout of {@code dropout}. */
  public static Model<Floats, Floats> create(int nO, double dropout) {
    return create(nO, null, null, null, dropout, false);
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Floats y = Dense.affine(model, x);
    applyInPlace(y.data());
    return new ForwardResult<>(y, Dense.backprop(model, x, dY -> {
      Floats dZ = Floats.zeros(y.shape());
      gradient(dY.data(), y.data(), dZ.data(), dZ.size());
      return dZ;
    }));
  }

  /** {@code y = max(y, 0)} in place, on the pool. */
  static void applyInPlace(float[] y) {
    Ops.get().pool().parallelFor(y.length, GRAIN, (from, to) -> Kernels.relu(y, from, to));
  }

  /** {@code out = y > 0 ? dy : 0} ({@link Kernels#reluBackward}) over n values, on the pool. */
  static void gradient(float[] dy, float[] y, float[] out, int n) {
    Ops.get().pool().parallelFor(n, GRAIN,
        (from, to) -> Kernels.reluBackward(dy, y, out, from, to));
  }
}
