package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;

/**
 * {@code Y = X + layer(X)}, for a layer whose output has its input's shape; Thinc's
 * {@code residual}. Works on arrays, ragged and padded arrays and lists of arrays.
 */
public final class Residual {
  private Residual() {}

  @Registered(category = "layers", name = "residual.v1")
  public static <T> Model<T, T> create(Model<T, T> layer) {
    return Model.<T, T>builder("residual", Residual::forward)
        .init(Residual::init)
        .dim("nO", layer.maybeDim("nO").isPresent() ? layer.getDim("nO") : null)
        .dim("nI", layer.maybeDim("nI").isPresent() ? layer.getDim("nI") : null)
        .layers(java.util.List.of(layer))
        .build();
  }

  /** Initializes the model's own child, not the one it was built with: a copy has its own. */
  @SuppressWarnings("unchecked")
  private static <T> void init(Model<T, T> model, T x, T y) {
    Model<T, T> layer = (Model<T, T>) model.layers().get(0);
    layer.initialize(x, y);
    layer.maybeDim("nO").ifPresent(nO -> model.setDim("nO", nO));
    layer.maybeDim("nI").ifPresent(nI -> model.setDim("nI", nI));
  }

  @SuppressWarnings("unchecked")
  private static <T> ForwardResult<T, T> forward(Model<T, T> model, T x, boolean isTrain) {
    Model<T, T> layer = (Model<T, T>) model.layers().get(0);
    ForwardResult<T, T> inner = layer.call(x, isTrain);
    T y = (T) Combinators.sumGradients(x, inner.output());
    return new ForwardResult<>(y,
        dY -> (T) Combinators.sumGradients(dY, inner.backprop().apply(dY)));
  }
}
