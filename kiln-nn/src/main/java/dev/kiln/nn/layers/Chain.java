package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.Forward;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds each layer's output to the next; backpropagates through the callbacks in reverse.
 * Thinc's {@code chain}.
 */
public final class Chain {
  private Chain() {}

  /** Chains {@code layers} (at least one) in order. */
  @Registered(category = "layers", name = "chain.v1")
  public static <I, O> Model<I, O> create(Model<?, ?>... layers) {
    return create(List.of(layers));
  }

  /** Chains {@code layers} (at least one) in order. */
  public static <I, O> Model<I, O> create(List<? extends Model<?, ?>> layers) {
    return withForward(Chain::forward, layers);
  }

  /**
   * A chain of {@code layers} whose forward pass is {@code forward}: a fused pair of layers
   * ({@link ReluDropout}) computes the same values in fewer passes, while its tree, names and
   * weights stay those of a plain chain.
   */
  static <I, O> Model<I, O> withForward(Forward<I, O> forward,
      List<? extends Model<?, ?>> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("chain needs at least one layer");
    }
    Model<?, ?> first = layers.get(0);
    Model<?, ?> last = layers.get(layers.size() - 1);
    return Model.<I, O>builder("chain", forward)
        .init(Chain::init)
        .dim("nO", last.maybeDim("nO").isPresent() ? last.getDim("nO") : null)
        .dim("nI", first.maybeDim("nI").isPresent() ? first.getDim("nI") : null)
        .layers(layers)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <I, O> ForwardResult<I, O> forward(Model<I, O> model, I x, boolean isTrain) {
    List<Model<?, ?>> layers = model.layers();
    List<Backprop<Object, Object>> callbacks = new ArrayList<>(layers.size());
    Object value = x;
    for (Model<?, ?> layer : layers) {
      ForwardResult<Object, Object> result = ((Model<Object, Object>) layer).call(value, isTrain);
      callbacks.add(result.backprop());
      value = result.output();
    }
    return new ForwardResult<>((O) value, Backprop.of(
        dY -> {
          Object grad = dY;
          for (int i = callbacks.size() - 1; i >= 0; i--) {
            grad = callbacks.get(i).apply(grad);
          }
          return (I) grad;
        },
        dY -> {
          // Layers before the first one with parameters have nothing to accumulate, so the
          // gradient stops there (a CNN skips its first convolution's input gradient).
          int first = firstWithParams(layers);
          Object grad = dY;
          for (int i = callbacks.size() - 1; i > first; i--) {
            grad = callbacks.get(i).apply(grad);
          }
          if (first >= 0) {
            callbacks.get(first).accumulate(grad);
          }
        }));
  }

  /**
   * A layer attribute: when true, the layer wants its output's gradient although it holds no
   * parameters (a tok2vec listener sends it to the shared tok2vec), so accumulate reaches it.
   */
  public static final String SENDS_GRADIENT = "sends_gradient";

  /** The index of the first layer holding parameters (or sending gradients) in its tree, or -1. */
  private static int firstWithParams(List<Model<?, ?>> layers) {
    for (int i = 0; i < layers.size(); i++) {
      for (Model<?, ?> node : layers.get(i).walk()) {
        if (!node.paramNames().isEmpty() || Boolean.TRUE.equals(node.attrs().get(SENDS_GRADIENT))) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Initializes each layer on the previous layer's prediction for the sample input. */
  @SuppressWarnings("unchecked")
  private static <I, O> void init(Model<I, O> model, I x, O y) {
    List<Model<?, ?>> layers = model.layers();
    Object value = x;
    for (int i = 0; i < layers.size(); i++) {
      Model<Object, Object> layer = (Model<Object, Object>) layers.get(i);
      boolean last = i == layers.size() - 1;
      layer.initialize(value, last ? y : null);
      if (value != null && !last) {
        value = layer.predict(value);
      }
    }
    Model<?, ?> first = layers.get(0);
    Model<?, ?> lastLayer = layers.get(layers.size() - 1);
    first.maybeDim("nI").ifPresent(nI -> model.setDim("nI", nI));
    lastLayer.maybeDim("nO").ifPresent(nO -> model.setDim("nO", nO));
  }
}
