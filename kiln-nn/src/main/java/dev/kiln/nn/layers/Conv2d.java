package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.ops.Scratch;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A 2-d convolution over NHWC images (batch, height, width, channels) with square kernels,
 * computed as im2col and one matrix product, optionally followed by ReLU (fused, as Thinc's
 * {@code Relu} fuses its activation).
 *
 * <p>Kernels {@code W} have shape (nO, size, size, nI), the bias {@code b} (nO); the output is
 * (batch, outHeight, outWidth, nO) with {@code out = (in + 2·padding − size) / stride + 1}.
 */
public final class Conv2d {
  private static final List<String> ACTIVATIONS = List.of("relu", "linear");

  private Conv2d() {}

  /**
   * @param nO output channels (filters), inferred from sample output when null
   * @param nI input channels, inferred from sample input when null
   * @param size the kernel's height and width in pixels
   * @param stride the step between windows in pixels
   * @param padding zero pixels added on every side, below {@code size}
   * @param activation {@code "relu"} (default) or {@code "linear"}
   * @param initW kernel initializer, Glorot-uniform over fan-in size·size·nI and fan-out nO
   *     when null
   * @param initB bias initializer, zeros when null
   */
  @Registered(category = "layers", name = "kiln.Conv2d.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Default("3") int size,
      @Default("1") int stride,
      @Default("0") int padding,
      @Default("\"relu\"") String activation,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB) {
    Window window = Window.checked("conv2d", size, stride, padding);
    if (!ACTIVATIONS.contains(activation)) {
      throw new KilnException(ErrorCode.E110, "conv2d", activation, ACTIVATIONS);
    }
    Initializer kernels = initW != null ? initW : Initializers.glorotUniform();
    Initializer biases = initB != null ? initB : Initializers.zeroInit();
    // The unfolded windows' buffer, handed from each forward pass to its backward pass, and the
    // buffer of the gradient before the ReLU, which lives through one backward pass.
    BufferSlot windows = new BufferSlot();
    BufferSlot gradients = new BufferSlot();
    return window.attrs(Model.<Floats, Floats>builder("conv2d",
            (model, x, isTrain) -> forward(model, x, isTrain, windows, gradients)))
        .attr("activation", activation)
        .dim("nO", nO)
        .dim("nI", nI)
        .params("W", "b")
        .init((model, x, y) -> init(model, x, y, kernels, biases))
        .build();
  }

  /** A ReLU convolution of {@code nO} filters of {@code size}×{@code size}, stride 1. */
  public static Model<Floats, Floats> create(int nO, int size, int padding) {
    return create(nO, null, size, 1, padding, "relu", null, null);
  }

  private static void init(Model<Floats, Floats> model, Floats x, Floats y, Initializer initW,
      Initializer initB) {
    if (x != null) {
      Window.of(model).checkInput(model, x);
      model.setDim("nI", x.dim(3));
    }
    if (y != null) {
      model.setDim("nO", y.dim(y.ndim() - 1));
    }
    int nO = model.getDim("nO");
    int nI = model.getDim("nI");
    int size = Window.of(model).size();
    model.setParam("W", initW.apply(model.rng(), nO, size * size * nI)
        .reshape(nO, size, size, nI));
    model.setParam("b", initB.apply(model.rng(), nO));
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain, BufferSlot windows, BufferSlot gradients) {
    Window window = Window.of(model);
    window.checkInput(model, x);
    int nI = model.getDim("nI");
    int nO = model.getDim("nO");
    if (x.dim(3) != nI) {
      throw new KilnException(ErrorCode.E105, model.name(), "an NHWC array with " + nI
          + " channels (nI)", x.toString());
    }
    Im2col unfolded = new Im2col(x.dim(0), x.dim(1), x.dim(2), nI, window);
    int m = unfolded.rows();
    int k = unfolded.cols();
    float[] cols = windows.take(m * k);
    unfolded.unfold(x.data(), cols);
    Floats y = Floats.zeros(x.dim(0), unfolded.outHeight(), unfolded.outWidth(), nO);
    float[] b = model.getParam("b").data();
    Ops.get().pool().parallelFor(m, 1024,
        (from, to) -> Kernels.fillRows(y.data(), from, to, nO, b));
    Ops.get().gemm(false, true, m, nO, k, 1f, cols, 0, model.getParam("W").data(), 0, 1f,
        y.data(), 0);
    boolean relu = "relu".equals(model.attrs().get("activation"));
    if (relu) {
      Relu.applyInPlace(y.data());
    }
    HeldWindows held = new HeldWindows(windows, cols, unfolded, x);
    if (!isTrain) {
      held.giveBack();
    }
    // The weights' gradients, the same with or without the input's: returns the gradient before
    // the activation, which the input's gradient reads before doneWith gives its buffer back.
    Function<Floats, float[]> learn = dY -> {
      float[] dZ = outputGrad(dY, y, relu, gradients);
      accumulate(model, held.cols(), dZ, m, k, nO);
      held.giveBack();
      return dZ;
    };
    Backprop<Floats, Floats> backprop = Backprop.of(
        dY -> {
          float[] dZ = learn.apply(dY);
          Floats dX = inputGrad(model, unfolded, dZ, x.shape());
          doneWith(dZ, dY, gradients);
          return dX;
        },
        dY -> doneWith(learn.apply(dY), dY, gradients));
    return new ForwardResult<>(y, backprop);
  }

  /**
   * A forward pass's unfolded windows, kept for the weights' gradient until the backward pass
   * gives them back to the layer's {@link BufferSlot}; a backward pass after that (a second one,
   * or one after prediction) unfolds the input again.
   */
  private static final class HeldWindows {
    private final BufferSlot slot;
    private final Im2col unfolded;
    private final Floats x;
    private float[] cols;

    HeldWindows(BufferSlot slot, float[] cols, Im2col unfolded, Floats x) {
      this.slot = slot;
      this.cols = cols;
      this.unfolded = unfolded;
      this.x = x;
    }

    float[] cols() {
      if (cols != null) {
        return cols;
      }
      float[] again = new float[unfolded.rows() * unfolded.cols()];
      unfolded.unfold(x.data(), again);
      return again;
    }

    void giveBack() {
      if (cols != null) {
        slot.giveBack(cols);
        cols = null;
      }
    }
  }

  /**
   * {@code dX}: each window's gradient {@code dZ·W}, folded back onto the pixels it covered. The
   * windows' gradient lives only until it is folded, so it goes in this thread's scratch buffer
   * (the product overwrites every value) instead of a fresh array the JVM would zero first.
   */
  private static Floats inputGrad(Model<Floats, Floats> model, Im2col unfolded, float[] dZ,
      int[] shape) {
    float[] dCols = Scratch.floats(unfolded.rows() * unfolded.cols());
    Ops.get().gemm(false, false, unfolded.rows(), unfolded.cols(), model.getDim("nO"), 1f, dZ,
        0, model.getParam("W").data(), 0, 0f, dCols, 0);
    Floats dX = Floats.zeros(shape);
    unfolded.fold(dCols, dX.data());
    return dX;
  }

  /**
   * The gradient before the activation: {@code dY} where the ReLU passed, else 0, in a buffer
   * from {@code gradients} (its first {@code dY.size()} values); {@code dY} itself when linear.
   */
  private static float[] outputGrad(Floats dY, Floats y, boolean relu, BufferSlot gradients) {
    if (!relu) {
      return dY.data();
    }
    float[] dZ = gradients.take(dY.size());
    Relu.gradient(dY.data(), y.data(), dZ, dY.size());
    return dZ;
  }

  /** Gives {@link #outputGrad}'s buffer back once nothing reads it (never the caller's dY). */
  private static void doneWith(float[] dZ, Floats dY, BufferSlot gradients) {
    if (dZ != dY.data()) {
      gradients.giveBack(dZ);
    }
  }

  /**
   * {@code dW += dZᵀ·cols}, {@code db += dZᵀ·1}: the bias gradient as a product too, because
   * dZ has one short row per output pixel, where a column-sum loop is slow.
   */
  private static void accumulate(Model<Floats, Floats> model, float[] cols, float[] dZ, int m,
      int k, int nO) {
    Ops ops = Ops.get();
    ops.gemm(true, false, nO, k, m, 1f, dZ, 0, cols, 0, 1f, model.grad("W").data(), 0);
    float[] ones = new float[m];
    Arrays.fill(ones, 1f);
    ops.gemm(true, false, nO, 1, m, 1f, dZ, 0, ones, 0, 1f, model.grad("b").data(), 0);
  }
}
