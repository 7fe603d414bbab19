package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;

/**
 * Flattens each example to one row: an array of shape (batch, d1, ..., dk) becomes
 * (batch, d1·...·dk), sharing the data (NHWC images become rows of height·width·channels).
 */
public final class Flatten {
  private Flatten() {}

  @Registered(category = "layers", name = "kiln.Flatten.v1")
  public static Model<Floats, Floats> create() {
    return Model.<Floats, Floats>builder("flatten", Flatten::forward).build();
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int[] shape = x.shape();
    return new ForwardResult<>(x.reshape(x.rows(), x.cols()), dY -> dY.reshape(shape));
  }
}
