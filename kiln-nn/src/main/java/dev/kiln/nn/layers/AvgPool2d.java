package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Ops;

/**
 * Average pooling over NHWC images: each channel of each output pixel is the mean of the
 * {@code size × size} values under its window; the gradient is shared equally among them.
 */
public final class AvgPool2d {
  private AvgPool2d() {}

  /**
   * @param size the window's height and width in pixels
   * @param stride the step between windows, {@code size} (no overlap) when null
   */
  @Registered(category = "layers", name = "kiln.AvgPool2d.v1")
  public static Model<Floats, Floats> create(@Default("2") int size,
      @Default("null") Integer stride) {
    Window window = Window.checked("avgpool2d", size, stride != null ? stride : size, 0);
    return window.attrs(Model.<Floats, Floats>builder("avgpool2d", AvgPool2d::forward)).build();
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Window window = Window.of(model);
    window.checkInput(model, x);
    int[] shape = x.shape();
    Floats y = Floats.zeros(shape[0], window.out(shape[1]), window.out(shape[2]), shape[3]);
    spread(window, shape, x.data(), y.data(), true);
    return new ForwardResult<>(y, dY -> {
      Floats dX = Floats.zeros(shape);
      spread(window, shape, dX.data(), dY.data(), false);
      return dX;
    });
  }

  /**
   * Sums each window of {@code pixels} into {@code pooled} scaled by 1 / size² ({@code forward}),
   * or adds each pooled gradient, so scaled, to every pixel of its window ({@code !forward}).
   * Runs one image per task, so overlapping windows only ever meet within a task.
   */
  private static void spread(Window window, int[] shape, float[] pixels, float[] pooled,
      boolean forward) {
    int height = shape[1];
    int width = shape[2];
    int channels = shape[3];
    int outH = window.out(height);
    int outW = window.out(width);
    float scale = 1f / (window.size() * window.size());
    Ops.get().pool().parallelFor(shape[0], 1, (from, to) -> {
      for (int image = from; image < to; image++) {
        for (int oy = 0; oy < outH; oy++) {
          for (int ox = 0; ox < outW; ox++) {
            int o = ((image * outH + oy) * outW + ox) * channels;
            for (int ky = 0; ky < window.size(); ky++) {
              for (int kx = 0; kx < window.size(); kx++) {
                int i = ((image * height + oy * window.stride() + ky) * width
                    + ox * window.stride() + kx) * channels;
                for (int c = 0; c < channels; c++) {
                  if (forward) {
                    pooled[o + c] += pixels[i + c] * scale;
                  } else {
                    pixels[i + c] += pooled[o + c] * scale;
                  }
                }
              }
            }
          }
        }
      }
    });
  }
}
