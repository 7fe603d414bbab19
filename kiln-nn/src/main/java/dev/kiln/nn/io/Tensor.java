package dev.kiln.nn.io;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor as safetensors stores it: an element type, a shape and the raw little-endian bytes
 * in row-major order. Factories convert from and to Java arrays.
 */
public final class Tensor {
  private final DType dtype;
  private final long[] shape;
  private final byte[] data;

  /**
   * @throws IllegalArgumentException if {@code data} does not hold exactly the elements the
   *     shape and type need
   */
  public Tensor(DType dtype, long[] shape, byte[] data) {
    long bytes = Math.multiplyExact(elements(shape), dtype.size());
    if (bytes != data.length) {
      throw new IllegalArgumentException(dtype + Arrays.toString(shape) + " needs " + bytes
          + " bytes, got " + data.length);
    }
    this.dtype = dtype;
    this.shape = shape.clone();
    this.data = data;
  }

  public static Tensor of(Floats array) {
    return ofF32(array.data(), array.shape());
  }

  public static Tensor of(Ints array) {
    return ofI32(array.data(), array.shape());
  }

  public static Tensor ofF32(float[] values, int... shape) {
    ByteBuffer buffer = allocate(values.length * 4L);
    buffer.asFloatBuffer().put(values);
    return new Tensor(DType.F32, longs(shape), buffer.array());
  }

  public static Tensor ofF64(double[] values, int... shape) {
    ByteBuffer buffer = allocate(values.length * 8L);
    buffer.asDoubleBuffer().put(values);
    return new Tensor(DType.F64, longs(shape), buffer.array());
  }

  public static Tensor ofI32(int[] values, int... shape) {
    ByteBuffer buffer = allocate(values.length * 4L);
    buffer.asIntBuffer().put(values);
    return new Tensor(DType.I32, longs(shape), buffer.array());
  }

  public static Tensor ofI64(long[] values, int... shape) {
    ByteBuffer buffer = allocate(values.length * 8L);
    buffer.asLongBuffer().put(values);
    return new Tensor(DType.I64, longs(shape), buffer.array());
  }

  public static Tensor ofU8(byte[] values, int... shape) {
    return new Tensor(DType.U8, longs(shape), values.clone());
  }

  public DType dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  /** The number of elements: the product of the shape (1 for a scalar). */
  public long elements() {
    return elements(shape);
  }

  /** The raw little-endian bytes; not copied, do not modify. */
  public byte[] bytes() {
    return data;
  }

  /** The values as float32: F32 as stored, F64 rounded, F16 and BF16 widened. */
  public float[] toFloatArray() {
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[Math.toIntExact(elements())];
    switch (dtype) {
      case F32 -> in.asFloatBuffer().get(values);
      case F64 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) in.getDouble();
        }
      }
      case F16 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = HalfFloats.fromF16(in.getShort());
        }
      }
      case BF16 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = Float.intBitsToFloat((in.getShort() & 0xffff) << 16);
        }
      }
      default -> throw new IllegalStateException(dtype + " is not a floating-point type");
    }
    return values;
  }

  /** The values as float64 (F64 only). */
  public double[] toDoubleArray() {
    requireType(DType.F64);
    double[] values = new double[Math.toIntExact(elements())];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }

  /** The values as int32 (I32 only). */
  public int[] toIntArray() {
    requireType(DType.I32);
    int[] values = new int[Math.toIntExact(elements())];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
    return values;
  }

  /** The values as int64 (I64 only). */
  public long[] toLongArray() {
    requireType(DType.I64);
    long[] values = new long[Math.toIntExact(elements())];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
    return values;
  }

  /** A float32 array of this tensor's shape (1 to 4 dimensions). */
  public Floats toFloats() {
    int[] dims = new int[shape.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = Math.toIntExact(shape[i]);
    }
    return Floats.of(toFloatArray(), dims);
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }

  static long elements(long[] shape) {
    long n = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, dim);
    }
    return n;
  }

  private void requireType(DType wanted) {
    if (dtype != wanted) {
      throw new IllegalStateException("the tensor holds " + dtype + ", not " + wanted);
    }
  }

  private static ByteBuffer allocate(long bytes) {
    return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long[] longs(int[] shape) {
    long[] result = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      result[i] = shape[i];
    }
    return result;
  }
}
