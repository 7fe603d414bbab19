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
    Ops.get().pool().parallelFor(images, 1, (from, to) -> {
      for (int image = from; image < to; image++) {
        walk(image, x, cols, true);
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

  private static void move(float[] pixels, int from, float[] cols, int to, int length,
      boolean unfold) {
    if (unfold) {
      for (int i = 0; i < length; i++) {
        cols[to + i] = pixels[from + i];
      }
    } else {
      for (int i = 0; i < length; i++) {
        pixels[from + i] += cols[to + i];
      }
    }
  }
}
