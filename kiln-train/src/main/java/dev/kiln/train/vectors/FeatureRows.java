package dev.kiln.train.vectors;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.function.IntFunction;

/**
 * A batch's feature vectors reduced to plain arrays and offsets, read on the calling thread so
 * that the pool's threads widen them to floats without touching the records.
 *
 * <p>Each row's record lives wherever the corpus put it. Read on the calling thread to check the
 * widths, a record's fields sit in that core's cache; a pool thread on the other core reading
 * them again took a cache miss per row, and the Fashion-MNIST batch copy ran ~35% slower than
 * the same loop over an index array (65 against 88 µs a batch of 128).
 */
final class FeatureRows {
  /** Each row's backing array: a {@code byte[]} of pixels or a {@code float[]}. */
  private final Object[] arrays;
  private final int[] starts;
  private final int width;

  private FeatureRows(Object[] arrays, int[] starts, int width) {
    this.arrays = arrays;
    this.starts = starts;
    this.width = width;
  }

  /** As {@link #gather(String, int, IntFunction, ImageShape)}, for rows of any image shape. */
  static FeatureRows gather(String component, int rows, IntFunction<FeatureVector> featuresOf) {
    return gather(component, rows, featuresOf, null);
  }

  /**
   * The first {@code rows} (at least one) feature vectors {@code featuresOf} gives.
   *
   * @param expected the shape every image row must have, or null for any; rows of unknown shape pass
   * @throws KilnException E263 naming {@code component}, the rows' file and both shapes for an
   *     image row of another shape; E230 naming it for the first row whose width differs from
   *     row 0's
   */
  static FeatureRows gather(String component, int rows, IntFunction<FeatureVector> featuresOf, ImageShape expected) {
    Object[] arrays = new Object[rows];
    int[] starts = new int[rows];
    int width = featuresOf.apply(0).size();
    // Rows read together share one shape object: each is compared once.
    ImageShape checked = null;
    for (int row = 0; row < rows; row++) {
      FeatureVector vector = featuresOf.apply(row);
      ImageShape shape = vector.shape();
      if (expected != null && shape != null && shape != checked) {
        if (!shape.sameShape(expected)) {
          throw new KilnException(ErrorCode.E263, component, shape.source(), shape.describe(), expected.describe());
        }
        checked = shape;
      }
      if (vector.size() != width) {
        throw new KilnException(ErrorCode.E230, component, width, vector.size(), row);
      }
      if (vector instanceof FeatureVector.Pixels pixels) {
        arrays[row] = pixels.data();
        starts[row] = pixels.start();
      } else {
        arrays[row] = ((FeatureVector.Dense) vector).values();
      }
    }
    return new FeatureRows(arrays, starts, width);
  }

  int width() {
    return width;
  }

  /** Writes rows {@code [from, to)} as float32 into {@code out}, row {@code r} at {@code r * width}. */
  void copyRows(float[] out, int from, int to) {
    for (int row = from; row < to; row++) {
      if (arrays[row] instanceof byte[] pixels) {
        FeatureVector.Pixels.widen(pixels, starts[row], width, out, row * width);
      } else {
        System.arraycopy((float[]) arrays[row], starts[row], out, row * width, width);
      }
    }
  }
}
