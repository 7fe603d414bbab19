package dev.kiln.train.vectors;

/**
 * The input of a record classified from a fixed number of numeric features: a table row, an
 * image's pixels. Kept in its most compact form and widened to float32 a batch at a time.
 */
public sealed interface FeatureVector {
  int size();

  /** Writes the features as float32 into {@code row} from {@code offset}. */
  void copyTo(float[] row, int offset);

  /** The shape of the image these features are the pixels of, or null when they are no image's (or it is unknown). */
  ImageShape shape();

  /**
   * Features given as floats; {@code shape} is the image's they were made from (noise added to
   * pixels, say), or null.
   */
  record Dense(float[] values, ImageShape shape) implements FeatureVector {
    /** Features that are no image's. */
    public Dense(float[] values) {
      this(values, null);
    }

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
   * share its one array (and its one {@code shape}, which may be null when unknown).
   */
  record Pixels(byte[] data, int start, int length, ImageShape shape) implements FeatureVector {
    /** {@code i / 255f} for every byte value: a lookup is cheaper than a division per pixel. */
    private static final float[] SCALED = scaledBytes();

    /** All of {@code values}, an image of {@code shape}. */
    public Pixels(byte[] values, ImageShape shape) {
      this(values, 0, values.length, shape);
    }

    /** Pixels of an image whose shape is unknown. */
    public Pixels(byte[] data, int start, int length) {
      this(data, start, length, null);
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
