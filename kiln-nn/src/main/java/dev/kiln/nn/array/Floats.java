package dev.kiln.nn.array;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A float32 array of 1 to 4 dimensions, row-major, on the heap.
 *
 * <p>The data array holds exactly {@link #size()} values starting at index 0, so it can be
 * passed to BLAS and to optimizers as it is. Shapes are fixed; {@link #reshape} shares data.
 */
public final class Floats {
  private final float[] data;
  private final int[] shape;

  private Floats(float[] data, int[] shape) {
    if (shape.length < 1 || shape.length > 4) {
      throw new IllegalArgumentException("1 to 4 dimensions, got " + shape.length);
    }
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      size *= dim;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
    }
    this.data = data;
    this.shape = shape;
  }

  /**
   * Zeros of the given shape.
   *
   * @throws KilnException E111 when the shape holds more values than a Java array (a batch of 4
   *     images of 20000×20000 pixels, say), rather than an ArithmeticException
   */
  public static Floats zeros(int... shape) {
    long size = 1;
    for (int dim : shape) {
      size *= dim;
      if (size > Integer.MAX_VALUE) {
        BigInteger values = Arrays.stream(shape).mapToObj(BigInteger::valueOf)
            .reduce(BigInteger.ONE, BigInteger::multiply);
        throw new KilnException(ErrorCode.E111, Arrays.toString(shape), values, Integer.MAX_VALUE);
      }
    }
    return new Floats(new float[(int) size], shape.clone());
  }

  /** Wraps {@code data} (not copied) with the given shape. */
  public static Floats of(float[] data, int... shape) {
    return new Floats(data, shape.clone());
  }

  /** A 1-d array wrapping {@code data}. */
  public static Floats of(float[] data) {
    return new Floats(data, new int[] {data.length});
  }

  public float[] data() {
    return data;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  public int ndim() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis];
  }

  public int size() {
    return data.length;
  }

  /** Rows of a 2-d array (the first dimension in general). */
  public int rows() {
    return shape[0];
  }

  /** Columns of a 2-d array: the product of all dimensions after the first. */
  public int cols() {
    // From the shape, not data.length / rows: an array of zero rows still has its width.
    int cols = 1;
    for (int i = 1; i < shape.length; i++) {
      cols *= shape[i];
    }
    return cols;
  }

  public float get(int i) {
    return data[i];
  }

  public float get(int row, int col) {
    return data[row * shape[1] + col];
  }

  public void set(int row, int col, float value) {
    data[row * shape[1] + col] = value;
  }

  /** The same data with another shape of the same size. */
  public Floats reshape(int... newShape) {
    return new Floats(data, newShape.clone());
  }

  public Floats copy() {
    return new Floats(data.clone(), shape.clone());
  }

  public boolean sameShape(Floats other) {
    return Arrays.equals(shape, other.shape);
  }

  @Override
  public String toString() {
    return "Floats" + Arrays.toString(shape);
  }
}
