package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;

/**
 * Shapes rows of pixels as images in NHWC layout: (batch, height·width·channels) becomes
 * (batch, height, width, channels), sharing the data. NHWC is the order in which image readers
 * and IDX files store pixels (channels interleaved), and the one {@link Conv2d}'s im2col wants.
 */
public final class Reshape {
  private Reshape() {}

  /**
   * @param height image height in pixels
   * @param width image width in pixels
   * @param channels channels per pixel (1 grey, 3 RGB), inferred from the row width when null
   */
  @Registered(category = "layers", name = "kiln.Reshape.v1")
  public static Model<Floats, Floats> create(int height, int width,
      @Default("null") Integer channels) {
    if (height < 1 || width < 1) {
      throw new KilnException(ErrorCode.E106, "reshape", "height and width", "at least 1",
          height + "×" + width);
    }
    return Model.<Floats, Floats>builder("reshape", Reshape::forward)
        .attr("height", height)
        .attr("width", width)
        .dim("channels", channels)
        .init(Reshape::init)
        .build();
  }

  private static void init(Model<Floats, Floats> model, Floats x, Floats y) {
    if (x != null && !model.hasDim("channels")) {
      model.setDim("channels", Math.max(1, x.cols() / pixels(model)));
    }
  }

  private static int pixels(Model<?, ?> model) {
    return (Integer) model.attrs().get("height") * (Integer) model.attrs().get("width");
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int height = (Integer) model.attrs().get("height");
    int width = (Integer) model.attrs().get("width");
    int channels = model.hasDim("channels") ? model.getDim("channels")
        : Math.max(1, x.cols() / pixels(model));
    if (x.ndim() != 2 || x.cols() != height * width * channels) {
      throw new KilnException(ErrorCode.E109, model.name(), x.cols(),
          height + "×" + width + "×" + channels);
    }
    int rows = x.rows();
    return new ForwardResult<>(x.reshape(rows, height, width, channels),
        dY -> dY.reshape(rows, height * width * channels));
  }
}
