package dev.kiln.nn.array;

import java.util.Arrays;

/** An int array of 1 to 2 dimensions, row-major, on the heap: labels, ids, lengths. */
public final class Ints {
  private final int[] data;
  private final int[] shape;

  private Ints(int[] data, int[] shape) {
    long size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    if (shape.length < 1 || shape.length > 2 || size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not fit " + data.length + " values");
    }
    this.data = data;
    this.shape = shape;
  }

  public static Ints of(int[] data) {
    return new Ints(data, new int[] {data.length});
  }

  public static Ints of(int[] data, int rows, int cols) {
    return new Ints(data, new int[] {rows, cols});
  }

  public int[] data() {
    return data;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return data.length;
  }

  public int rows() {
    return shape[0];
  }

  public int cols() {
    return shape.length == 1 ? 1 : shape[1];
  }

  public int get(int i) {
    return data[i];
  }

  @Override
  public String toString() {
    return "Ints" + Arrays.toString(shape);
  }
}
