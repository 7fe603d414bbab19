package dev.kiln.nn.layers;

import dev.kiln.nn.ops.Ops;
import java.util.Arrays;

/**
 * Unfolds NHWC images into the matrix of their windows (im2col) and folds window gradients back
 * (col2im), so that a convolution is one matrix product.
 *
 * <p>Row {@code (image, outY, outX)} of the unfolded matrix holds the window at that output
 * position, ordered (window row, window column, channel), with zeros where the window covers
 * padding. Images are unfolded in parallel on the {@link Ops} pool: each writes its own rows.
 *
 * @param images the batch size
 * @param height input height in pixels
 * @param width input width in pixels
 * @param channels input channels
 * @param window the window's size, stride and padding
 */
record Im2col(int images, int height, int width, int channels, Window window) {
  /**
   * Window rows shorter than this many values are unfolded a window column at a time
   * ({@link #unfoldNarrow}): copying a run of 3 values (a 3×3 window over one channel) cost more
   * in setting up the copy than in copying.
   */
  private static final int NARROW_RUN = 16;

  int outHeight() {
    return window.out(height);
  }

  int outWidth() {
    return window.out(width);
  }

  /** Rows of the unfolded matrix: one per output position of every image. */
  int rows() {
    return images * outHeight() * outWidth();
  }

  /** Columns of the unfolded matrix: the values under one window. */
  int cols() {
    return window.size() * window.size() * channels;
  }

  /** Writes the windows of {@code x} into {@code cols} (rows() × cols(), overwritten). */
  void unfold(float[] x, float[] cols) {
    boolean narrow = window.size() * channels < NARROW_RUN;
    Ops.get().pool().parallelFor(images, 1, (from, to) -> {
      for (int image = from; image < to; image++) {
        if (narrow) {
          unfoldNarrow(image, x, cols);
        } else {
          walk(image, x, cols, true);
        }
      }
    });
  }

  /** Adds each window's gradient in {@code cols} back onto {@code dX} (zeroed first). */
  void fold(float[] cols, float[] dX) {
    Ops.get().pool().parallelFor(images, 1, (from, to) -> {
      Arrays.fill(dX, from * height * width * channels, to * height * width * channels, 0f);
      for (int image = from; image < to; image++) {
        walk(image, dX, cols, false);
      }
    });
  }

  /**
   * Copies image pixels into window rows ({@code unfold}) or adds them back ({@code !unfold}).
   * In NHWC the pixels under one row of a window are contiguous, so each window row moves as
   * one run of {@code size · channels} values; only runs cut by padding go value by value.
   */
  private void walk(int image, float[] pixels, float[] cols, boolean unfold) {
    int size = window.size();
    int stride = window.stride();
    int padding = window.padding();
    int outH = outHeight();
    int outW = outWidth();
    int run = size * channels;
    int row = image * outH * outW;
    for (int oy = 0; oy < outH; oy++) {
      for (int ox = 0; ox < outW; ox++, row++) {
        int at = row * cols();
        int left = ox * stride - padding;
        boolean whole = left >= 0 && left + size <= width;
        for (int ky = 0; ky < size; ky++, at += run) {
          int iy = oy * stride - padding + ky;
          if (iy < 0 || iy >= height) {
            if (unfold) {
              Arrays.fill(cols, at, at + run, 0f);
            }
          } else if (whole) {
            move(pixels, ((image * height + iy) * width + left) * channels, cols, at, run, unfold);
          } else {
            for (int kx = 0; kx < size; kx++) {
              int ix = left + kx;
              int to = at + kx * channels;
              if (ix >= 0 && ix < width) {
                move(pixels, ((image * height + iy) * width + ix) * channels, cols, to, channels,
                    unfold);
              } else if (unfold) {
                Arrays.fill(cols, to, to + channels, 0f);
              }
            }
          }
        }
      }
    }
  }

  /**
   * {@code unfold} for one image a window column at a time: for each output row, window cell
   * and channel, one strided pass over the output row's unfolded rows, zeros where the window
   * covers padding. The writes stay within one output row's few kilobytes.
   */
  private void unfoldNarrow(int image, float[] x, float[] cols) {
    int size = window.size();
    int stride = window.stride();
    int padding = window.padding();
    int outH = outHeight();
    int outW = outWidth();
    int rowLength = cols();
    for (int oy = 0; oy < outH; oy++) {
      int firstRow = (image * outH + oy) * outW;
      for (int ky = 0; ky < size; ky++) {
        int iy = oy * stride - padding + ky;
        boolean inside = iy >= 0 && iy < height;
        for (int kx = 0; kx < size; kx++) {
          // The output columns whose input column ox·stride + left falls inside the image.
          int left = kx - padding;
          int oxFrom = inside ? Math.min(outW, left >= 0 ? 0 : (-left + stride - 1) / stride) : outW;
          int oxTo = inside ? Math.max(oxFrom, Math.min(outW, (width - left + stride - 1) / stride)) : outW;
          for (int c = 0; c < channels; c++) {
            int at = firstRow * rowLength + (ky * size + kx) * channels + c;
            int ox = 0;
            for (; ox < oxFrom; ox++) {
              cols[at + ox * rowLength] = 0f;
            }
            int pixel = ((image * height + iy) * width + oxFrom * stride + left) * channels + c;
            for (; ox < oxTo; ox++, pixel += stride * channels) {
              cols[at + ox * rowLength] = x[pixel];
            }
            for (; ox < outW; ox++) {
              cols[at + ox * rowLength] = 0f;
            }
          }
        }
      }
    }
  }

  private static void move(float[] pixels, int from, float[] cols, int to, int length,
      boolean unfold) {
    if (unfold) {
      // An intrinsic copy: twice as fast as a loop for runs of 48 (3×3 over 16 channels).
      System.arraycopy(pixels, from, cols, to, length);
    } else {
      for (int i = 0; i < length; i++) {
        pixels[from + i] += cols[to + i];
      }
    }
  }
}
