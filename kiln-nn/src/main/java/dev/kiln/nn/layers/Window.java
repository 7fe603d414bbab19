package dev.kiln.nn.layers;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;

/**
 * The geometry of a square window sliding over images in NHWC layout (batch, height, width,
 * channels), shared by {@link Conv2d} and the pooling layers.
 *
 * @param size the window's height and width, in pixels (at least 1)
 * @param stride the step between windows, in pixels (at least 1)
 * @param padding zero pixels added on every side (at least 0)
 */
record Window(int size, int stride, int padding) {
  /** The window of a layer's {@code size}, {@code stride} and {@code padding} attributes. */
  static Window of(Model<?, ?> model) {
    return new Window((Integer) model.attrs().get("size"), (Integer) model.attrs().get("stride"),
        (Integer) model.attrs().get("padding"));
  }

  /** Checks the options a config gave, naming the layer; returns the window. */
  static Window checked(String layer, int size, int stride, int padding) {
    if (size < 1) {
      throw new RejectedArgument("size", ErrorCode.E106, layer, "size", "at least 1", size);
    }
    if (stride < 1) {
      throw new RejectedArgument("stride", ErrorCode.E106, layer, "stride", "at least 1", stride);
    }
    if (padding < 0 || padding >= size) {
      throw new RejectedArgument("padding", ErrorCode.E106, layer, "padding", "in [0, size)", padding);
    }
    return new Window(size, stride, padding);
  }

  /** Stores the window as the layer's attributes, so saved models keep it. */
  <I, O> Model.Builder<I, O> attrs(Model.Builder<I, O> builder) {
    return builder.attr("size", size).attr("stride", stride).attr("padding", padding);
  }

  /** The output length along an axis of {@code length} input pixels. */
  int out(int length) {
    return (length + 2 * padding - size) / stride + 1;
  }

  /** Checks that {@code x} is a 4-d NHWC array the window fits; fails naming the layer. */
  void checkInput(Model<?, ?> model, Floats x) {
    if (x.ndim() != 4) {
      throw new KilnException(ErrorCode.E105, model.name(),
          "a 4-d array (batch, height, width, channels): put a kiln.Reshape.v1 first", x.toString());
    }
    if (x.dim(1) + 2 * padding < size || x.dim(2) + 2 * padding < size) {
      throw new KilnException(ErrorCode.E108, model.name(), size, stride, padding, x.dim(1),
          x.dim(2));
    }
  }
}
