package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Unfolding and folding against their definitions, for narrow and wide window rows. */
class Im2colTest {
  private final Rng rng = new Rng(11);

  /** Shapes as {images, height, width, channels, size, stride, padding}. */
  private static final int[][] SHAPES = {
      {2, 5, 7, 1, 3, 1, 1}, // narrow: runs of 3
      {2, 6, 5, 2, 3, 2, 2}, // narrow, stride 2, padding wider than a step
      {1, 7, 7, 1, 5, 1, 0}, // narrow, no padding
      {3, 4, 4, 1, 1, 1, 0}, // a 1×1 window
      {2, 5, 6, 16, 3, 1, 1}, // wide: runs of 48, cut by padding at the edges
      {2, 6, 7, 6, 3, 2, 1}, // wide, stride 2
  };

  private static Im2col im2col(int[] shape) {
    return new Im2col(shape[0], shape[1], shape[2], shape[3], new Window(shape[4], shape[5], shape[6]));
  }

  /** The value of window cell (ky, kx, c) at output (oy, ox) of {@code image}: 0 on padding. */
  private static float cell(Im2col im, float[] x, int image, int oy, int ox, int ky, int kx, int c) {
    int iy = oy * im.window().stride() - im.window().padding() + ky;
    int ix = ox * im.window().stride() - im.window().padding() + kx;
    if (iy < 0 || iy >= im.height() || ix < 0 || ix >= im.width()) {
      return 0f;
    }
    return x[((image * im.height() + iy) * im.width() + ix) * im.channels() + c];
  }

  /** Index in the unfolded matrix of window cell (ky, kx, c) at output (oy, ox) of {@code image}. */
  private static int at(Im2col im, int image, int oy, int ox, int ky, int kx, int c) {
    int row = (image * im.outHeight() + oy) * im.outWidth() + ox;
    int size = im.window().size();
    return row * im.cols() + (ky * size + kx) * im.channels() + c;
  }

  private float[] gaussian(int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) rng.nextGaussian();
    }
    return values;
  }

  @Test
  void unfoldWritesEveryWindowCellWithZerosOnPadding() {
    for (int[] shape : SHAPES) {
      Im2col im = im2col(shape);
      float[] x = gaussian(im.images() * im.height() * im.width() * im.channels());
      float[] cols = new float[im.rows() * im.cols()];
      Arrays.fill(cols, Float.NaN);
      im.unfold(x, cols);
      float[] expected = new float[cols.length];
      forEachCell(im, (image, oy, ox, ky, kx, c) ->
          expected[at(im, image, oy, ox, ky, kx, c)] = cell(im, x, image, oy, ox, ky, kx, c));
      assertThat(cols).as(Arrays.toString(shape)).containsExactly(expected);
    }
  }

  @Test
  void foldAddsEveryWindowCellBackOntoItsPixel() {
    for (int[] shape : SHAPES) {
      Im2col im = im2col(shape);
      float[] cols = gaussian(im.rows() * im.cols());
      float[] dX = gaussian(im.images() * im.height() * im.width() * im.channels());
      im.fold(cols, dX);
      double[] expected = new double[dX.length];
      forEachCell(im, (image, oy, ox, ky, kx, c) -> {
        int iy = oy * im.window().stride() - im.window().padding() + ky;
        int ix = ox * im.window().stride() - im.window().padding() + kx;
        if (iy >= 0 && iy < im.height() && ix >= 0 && ix < im.width()) {
          expected[((image * im.height() + iy) * im.width() + ix) * im.channels() + c] +=
              cols[at(im, image, oy, ox, ky, kx, c)];
        }
      });
      for (int i = 0; i < dX.length; i++) {
        assertThat(dX[i]).as(Arrays.toString(shape) + " pixel " + i)
            .isCloseTo((float) expected[i], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @FunctionalInterface
  private interface CellVisitor {
    void visit(int image, int oy, int ox, int ky, int kx, int c);
  }

  private static void forEachCell(Im2col im, CellVisitor visitor) {
    int size = im.window().size();
    for (int image = 0; image < im.images(); image++) {
      for (int oy = 0; oy < im.outHeight(); oy++) {
        for (int ox = 0; ox < im.outWidth(); ox++) {
          for (int ky = 0; ky < size; ky++) {
            for (int kx = 0; kx < size; kx++) {
              for (int c = 0; c < im.channels(); c++) {
                visitor.visit(image, oy, ox, ky, kx, c);
              }
            }
          }
        }
      }
    }
  }
}
