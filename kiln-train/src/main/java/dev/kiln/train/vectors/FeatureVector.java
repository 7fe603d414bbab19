package dev.kiln.train.vectors;

/**
 * The input of a record classified from a fixed number of numeric features: a table row, an
 * image's pixels. Kept in its most compact form and widened to float32 a batch at a time.
 */
public sealed interface FeatureVector {
  int size();

  /** Writes the features as float32 into {@code row} from {@code offset}. */
  void copyTo(float[] row, int offset);

  /** Features given as floats. */
  record Dense(float[] values) implements FeatureVector {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public void copyTo(float[] row, int offset) {
      System.arraycopy(values, 0, row, offset, values.length);
    }
  }

  /**
   * 8-bit pixels, read as {@code value / 255}: a quarter of the memory of floats. They are
   * {@code length} bytes of {@code data} from {@code start}, so the images of an IDX file can
   * share its one array.
   */
  record Pixels(byte[] data, int start, int length) implements FeatureVector {
    /** {@code i / 255f} for every byte value: a lookup is cheaper than a division per pixel. */
    private static final float[] SCALED = scaledBytes();

    /** All of {@code values}. */
    public Pixels(byte[] values) {
      this(values, 0, values.length);
    }

    @Override
    public int size() {
      return length;
    }

    @Override
    public void copyTo(float[] row, int offset) {
      widen(data, start, length, row, offset);
    }

    /** Writes {@code length} pixels of {@code data} from {@code start} into {@code row} from {@code offset}. */
    static void widen(byte[] data, int start, int length, float[] row, int offset) {
      for (int i = 0; i < length; i++) {
        row[offset + i] = SCALED[data[start + i] & 0xFF];
      }
    }

    private static float[] scaledBytes() {
      float[] scaled = new float[256];
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] = i / 255f;
      }
      return scaled;
    }
  }
}
