package dev.kiln.nn.ops;

/**
 * One reusable float buffer per thread, for values a kernel writes and consumes before it
 * returns (Maxout's products, their gradient). A training step would otherwise allocate tens of
 * megabytes of such arrays, which the JVM zeroes on allocation and whose churn brings a young
 * collection every step; the buffer is never zeroed, so its user must write every value it reads.
 *
 * <p>A user must be done with the buffer before anything else on its thread can ask for it: it
 * may hand the buffer to pool tasks inside its own call, but not keep it past its return or call
 * other layers meanwhile.
 */
public final class Scratch {
  /**
   * The largest buffer a thread keeps (32 MiB): a rare huge batch (annotating a whole corpus at
   * once) gets a fresh array rather than pinning its size for the life of the thread.
   */
  private static final int KEEP_LIMIT = 1 << 23;

  private static final ThreadLocal<float[]> BUFFER = ThreadLocal.withInitial(() -> new float[0]);

  private Scratch() {}

  /** This thread's buffer, at least {@code size} floats long; its contents are undefined. */
  public static float[] floats(int size) {
    if (size > KEEP_LIMIT) {
      return new float[size];
    }
    float[] buffer = BUFFER.get();
    if (buffer.length < size) {
      buffer = new float[size];
      BUFFER.set(buffer);
    }
    return buffer;
  }
}
