package dev.kiln.nn.layers;

/**
 * One float buffer that a layer's forward pass hands to its backward pass and then takes back
 * for the next forward pass, instead of allocating it every step (a convolution's unfolded
 * windows: 18 MB a step for the Fashion-MNIST CNN, which the JVM zeroed before the layer
 * overwrote it).
 *
 * <p>A pass that finds the buffer taken (the layer called again before a backward pass returned
 * it, or a backward pass that never came) gets a fresh array, so sharing is never a question of
 * timing: a buffer has at most one holder. Contents are undefined; the taker writes what it reads.
 */
final class BufferSlot {
  private float[] free;

  /** A buffer of at least {@code size} floats that no one else holds until it is given back. */
  synchronized float[] take(int size) {
    float[] buffer = free;
    if (buffer == null || buffer.length < size) {
      return new float[size];
    }
    free = null;
    return buffer;
  }

  /** Returns a buffer taken from this slot; its holder must not touch it afterwards. */
  synchronized void giveBack(float[] buffer) {
    if (free == null || free.length < buffer.length) {
      free = buffer;
    }
  }
}
