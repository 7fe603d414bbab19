package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Ops;

/**
 * Max pooling over NHWC images: each channel of each output pixel is the largest value under
 * a square window; the gradient flows to that one input (the first, on ties).
 */
public final class MaxPool2d {
  private MaxPool2d() {}

  /**
   * @param size the window's height and width in pixels
   * @param stride the step between windows, {@code size} (no overlap) when null
   */
  @Registered(category = "layers", name = "kiln.MaxPool2d.v1")
  public static Model<Floats, Floats> create(@Default("2") int size,
      @Default("null") Integer stride) {
    Window window = Window.checked("maxpool2d", size, stride != null ? stride : size, 0);
    return window.attrs(Model.<Floats, Floats>builder("maxpool2d", MaxPool2d::forward)).build();
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Window window = Window.of(model);
    window.checkInput(model, x);
    int images = x.dim(0);
    int height = x.dim(1);
    int width = x.dim(2);
    int channels = x.dim(3);
    int outH = window.out(height);
    int outW = window.out(width);
    Floats y = Floats.zeros(images, outH, outW, channels);
    int[] winners = new int[y.size()];
    float[] in = x.data();
    float[] out = y.data();
    Ops.get().pool().parallelFor(images, 1, (from, to) -> {
      for (int image = from; image < to; image++) {
        for (int oy = 0; oy < outH; oy++) {
          for (int ox = 0; ox < outW; ox++) {
            int o = ((image * outH + oy) * outW + ox) * channels;
            int corner = ((image * height + oy * window.stride()) * width
                + ox * window.stride()) * channels;
            if (window.size() == 2) {
              poolPixel2(in, corner, width * channels, channels, out, winners, o);
            } else {
              poolPixel(in, corner, width * channels, window.size(), channels, out, winners, o);
            }
          }
        }
      }
    });
    int perImage = outH * outW * channels;
    return new ForwardResult<>(y, dY -> {
      Floats dX = Floats.zeros(x.shape());
      float[] dx = dX.data();
      float[] dy = dY.data();
      // An image's winners are its own pixels, so images can go to different threads.
      // Overlapping windows (stride < size) can share a winner, so gradients add up.
      Ops.get().pool().parallelFor(images, 1, (from, to) -> {
        for (int o = from * perImage; o < to * perImage; o++) {
          dx[winners[o]] += dy[o];
        }
      });
      return dX;
    });
  }

  /**
   * The maxima of the window whose top-left value is at {@code corner}, channels innermost so
   * that each comparison runs over contiguous values; strict {@code >} keeps the first winner.
   */
  static void poolPixel(float[] in, int corner, int rowStride, int size, int channels,
      float[] out, int[] winners, int o) {
    for (int c = 0; c < channels; c++) {
      out[o + c] = in[corner + c];
      winners[o + c] = corner + c;
    }
    for (int ky = 0; ky < size; ky++) {
      for (int kx = ky == 0 ? 1 : 0; kx < size; kx++) {
        int i = corner + ky * rowStride + kx * channels;
        for (int c = 0; c < channels; c++) {
          if (in[i + c] > out[o + c]) {
            out[o + c] = in[i + c];
            winners[o + c] = i + c;
          }
        }
      }
    }
  }

  /**
   * {@link #poolPixel} for 2×2 windows, without branches: which of the four values wins is
   * random, so a branch per comparison was mispredicted often (max pooling took a fifth of a
   * Fashion-MNIST CNN's step). Each candidate is compared with the running maximum, kept as a
   * {@code Math.max}; the winner is the first of equal best values, as the strict comparisons in
   * order give, and the output is read back from it. Only a NaN among the values can make the
   * winner differ from {@link #poolPixel}'s.
   */
  static void poolPixel2(float[] in, int corner, int rowStride, int channels, float[] out,
      int[] winners, int o) {
    for (int c = 0; c < channels; c++) {
      int top = corner + c;
      int bottom = top + rowStride;
      float v0 = in[top];
      float v1 = in[top + channels];
      float v2 = in[bottom];
      float v3 = in[bottom + channels];
      int best = v1 > v0 ? 1 : 0;
      float max = Math.max(v0, v1);
      best = v2 > max ? 2 : best;
      max = Math.max(max, v2);
      best = v3 > max ? 3 : best;
      int winner = top + (best >> 1) * rowStride + (best & 1) * channels;
      winners[o + c] = winner;
      out[o + c] = in[winner];
    }
  }
}
