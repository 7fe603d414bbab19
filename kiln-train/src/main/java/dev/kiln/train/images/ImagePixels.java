package dev.kiln.train.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns a decoded image into 8-bit pixels of a fixed size and channel count, in row-major HWC
 * order (channels interleaved: grey, or red, green, blue), the order {@code kiln.Reshape.v1}
 * expects.
 *
 * <p>Grey images are read from their samples, not through Java2D's colour conversion, which
 * changes grey levels (it converts through a linear-gamma grey space); colour is made grey as
 * {@code 0.299 R + 0.587 G + 0.114 B}. Resizing is bilinear with pixel centres aligned.
 */
final class ImagePixels {
  private ImagePixels() {}

  /** The image's pixels as floats in [0, 255], {@code channels} (1 or 3) per pixel, at its own size. */
  static float[] read(BufferedImage image, int channels) {
    int width = image.getWidth();
    int height = image.getHeight();
    float[] out = new float[width * height * channels];
    boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && image.getRaster().getNumBands() <= 2;
    Raster raster = image.getRaster();
    float greyScale = grey ? 255f / ((1 << image.getColorModel().getComponentSize(0)) - 1) : 0f;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = (y * width + x) * channels;
        if (grey) {
          float value = raster.getSample(x, y, 0) * greyScale;
          for (int c = 0; c < channels; c++) {
            out[at + c] = value;
          }
        } else {
          int rgb = image.getRGB(x, y);
          int r = (rgb >> 16) & 0xFF;
          int g = (rgb >> 8) & 0xFF;
          int b = rgb & 0xFF;
          if (channels == 1) {
            out[at] = 0.299f * r + 0.587f * g + 0.114f * b;
          } else {
            out[at] = r;
            out[at + 1] = g;
            out[at + 2] = b;
          }
        }
      }
    }
    return out;
  }

  /** Bilinear resize of HWC {@code pixels} from {@code width×height} to {@code toWidth×toHeight}. */
  static float[] resize(float[] pixels, int width, int height, int channels, int toWidth,
      int toHeight) {
    float[] out = new float[toWidth * toHeight * channels];
    for (int y = 0; y < toHeight; y++) {
      float sy = clamp((y + 0.5f) * height / toHeight - 0.5f, height - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, height - 1);
      float fy = sy - y0;
      for (int x = 0; x < toWidth; x++) {
        float sx = clamp((x + 0.5f) * width / toWidth - 0.5f, width - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, width - 1);
        float fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          float top = pixels[(y0 * width + x0) * channels + c] * (1 - fx)
              + pixels[(y0 * width + x1) * channels + c] * fx;
          float bottom = pixels[(y1 * width + x0) * channels + c] * (1 - fx)
              + pixels[(y1 * width + x1) * channels + c] * fx;
          out[(y * toWidth + x) * channels + c] = top * (1 - fy) + bottom * fy;
        }
      }
    }
    return out;
  }

  /** Rounds to the nearest byte value, 0 to 255. */
  static byte[] toBytes(float[] pixels) {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
    }
    return out;
  }

  private static float clamp(float value, int max) {
    return Math.max(0f, Math.min(max, value));
  }
}
