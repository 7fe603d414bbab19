package dev.kiln.nn.layers;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.Forward;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;
import java.util.function.UnaryOperator;

/**
 * The affine part shared by the dense layers ({@code Linear}, {@code Relu}, {@code Softmax},
 * ...): weights {@code W} of shape (nO, nI) and bias {@code b} of shape (nO), Thinc's layout,
 * and {@code Y = X·Wᵀ + b} on 2-d input.
 */
final class Dense {
  private Dense() {}

  /** A model with dims nO, nI and params W, b, initialised by {@code initW} and {@code initB}. */
  static Model.Builder<Floats, Floats> builder(String name, Forward<Floats, Floats> forward,
      Integer nO, Integer nI, Initializer initW, Initializer initB) {
    return Model.builder(name, forward)
        .dim("nO", nO)
        .dim("nI", nI)
        .params("W", "b")
        .init((model, x, y) -> init(model, x, y, initW, initB));
  }

  static void init(Model<Floats, Floats> model, Floats x, Floats y, Initializer initW,
      Initializer initB) {
    if (x != null) {
      model.setDim("nI", x.cols());
    }
    if (y != null) {
      model.setDim("nO", y.cols());
    }
    int nO = model.getDim("nO");
    int nI = model.getDim("nI");
    model.setParam("W", initW.apply(model.rng(), nO, nI));
    model.setParam("b", initB.apply(model.rng(), nO));
  }

  /** {@code X·Wᵀ + b}: the bias is copied into the output, which the product then adds to. */
  static Floats affine(Model<Floats, Floats> model, Floats x) {
    int nI = model.getDim("nI");
    int nO = model.getDim("nO");
    checkInput(model, x, nI);
    Floats y = Floats.zeros(x.rows(), nO);
    Kernels.fillRows(y.data(), x.rows(), nO, model.getParam("b").data());
    Ops.get().gemm(false, true, x.rows(), nO, nI, 1f, x.data(), 0,
        model.getParam("W").data(), 0, 1f, y.data(), 0);
    return y;
  }

  static void checkInput(Model<?, ?> model, Floats x, int nI) {
    if (x.ndim() != 2 || x.dim(1) != nI) {
      throw new KilnException(ErrorCode.E105, model.name(), "a 2-d array with " + nI
          + " columns (nI)", x.toString());
    }
  }

  /**
   * The callback of a dense layer whose activation gradient {@code activationGrad} maps the
   * output's gradient to the gradient of {@code X·Wᵀ + b}.
   */
  static Backprop<Floats, Floats> backprop(Model<Floats, Floats> model, Floats x,
      UnaryOperator<Floats> activationGrad) {
    return Backprop.of(
        dY -> {
          Floats dZ = activationGrad.apply(dY);
          accumulate(model, x, dZ);
          return inputGrad(model, dZ);
        },
        dY -> accumulate(model, x, activationGrad.apply(dY)));
  }

  /** {@code dW += dZᵀ·X}, {@code db += column sums of dZ}. */
  static void accumulate(Model<Floats, Floats> model, Floats x, Floats dZ) {
    int nO = model.getDim("nO");
    int nI = model.getDim("nI");
    Ops.get().gemm(true, false, nO, nI, x.rows(), 1f, dZ.data(), 0, x.data(), 0, 1f,
        model.grad("W").data(), 0);
    Kernels.addColumnSums(dZ.data(), dZ.rows(), nO, model.grad("b").data());
  }

  /** {@code dX = dZ·W}. */
  static Floats inputGrad(Model<Floats, Floats> model, Floats dZ) {
    int nO = model.getDim("nO");
    int nI = model.getDim("nI");
    Floats dX = Floats.zeros(dZ.rows(), nI);
    Ops.get().gemm(false, false, dZ.rows(), nI, nO, 1f, dZ.data(), 0,
        model.getParam("W").data(), 0, 0f, dX.data(), 0);
    return dX;
  }

  /** Thinc's {@code normalize} and {@code dropout} options: a chain of the layer, LayerNorm, Dropout. */
  static Model<Floats, Floats> withExtras(Model<Floats, Floats> model, Integer nO,
      Double dropout, boolean normalize) {
    Model<Floats, Floats> out = model;
    if (normalize) {
      out = Chain.create(out, LayerNorm.create(nO));
    }
    if (dropout != null) {
      out = Chain.create(out, Dropout.create(dropout));
    }
    return out;
  }
}
