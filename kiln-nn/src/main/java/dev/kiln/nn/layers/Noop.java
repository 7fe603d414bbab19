package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import java.util.List;

/**
 * Passes its input through unchanged; any layers given are kept as children (so their
 * parameters are saved and updated) but not run. Thinc's {@code noop}.
 */
public final class Noop {
  private Noop() {}

  @Registered(category = "layers", name = "noop.v1")
  public static <T> Model<T, T> create(Model<?, ?>... layers) {
    return Model.<T, T>builder("noop", Noop::forward).layers(List.of(layers)).build();
  }

  private static <T> ForwardResult<T, T> forward(Model<T, T> model, T x, boolean isTrain) {
    return new ForwardResult<>(x, dY -> dY);
  }
}
