package dev.kiln.nn.array;

/**
 * A batch of variable-length sequences stored as their rows concatenated plus the length of
 * each: Thinc's {@code Ragged}. Sequence {@code i} is rows {@code [start(i), start(i) +
 * lengths[i])} of {@code data}, whose first dimension is the total length.
 */
public record Ragged(Floats data, Ints lengths) {
  public Ragged {
    long total = 0;
    for (int length : lengths.data()) {
      if (length < 0) {
        throw new IllegalArgumentException("negative sequence length " + length);
      }
      total += length;
    }
    if (total != data.rows()) {
      throw new IllegalArgumentException(
          "lengths sum to " + total + " but the data has " + data.rows() + " rows");
    }
  }

  /** The number of sequences. */
  public int size() {
    return lengths.size();
  }

  /** The width of a row: the product of {@code data}'s dimensions after the first. */
  public int width() {
    return data.cols();
  }

  /** The same lengths around other data with the same number of rows. */
  public Ragged withData(Floats other) {
    return new Ragged(other, lengths);
  }

  /** The row offset of each sequence, and the total at the end (length size() + 1). */
  public int[] starts() {
    return starts(lengths.data());
  }

  /** The row offset of each of sequences of {@code lengths}, and the total at the end. */
  public static int[] starts(int[] lengths) {
    int[] starts = new int[lengths.length + 1];
    for (int i = 0; i < lengths.length; i++) {
      starts[i + 1] = starts[i] + lengths[i];
    }
    return starts;
  }
}
