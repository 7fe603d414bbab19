package dev.kiln.nn.array;

/**
 * A batch of variable-length sequences padded with zeros to the longest: {@code data} is
 * (batch, maxLength, width), batch-major, and {@code lengths} the true length of each.
 *
 * <p>Thinc's {@code Padded} is time-major with the batch sorted by length; kiln keeps the
 * batch order and pads batch-major, which is what its recurrent-free text models need.
 */
public record Padded(Floats data, Ints lengths) {
  public Padded {
    if (data.ndim() != 3 || data.dim(0) != lengths.size()) {
      throw new IllegalArgumentException(
          "padded data must be (batch, length, width) with one length per row, got " + data
              + " and " + lengths);
    }
    for (int length : lengths.data()) {
      if (length < 0 || length > data.dim(1)) {
        throw new IllegalArgumentException("length " + length + " outside [0, " + data.dim(1)
            + "]");
      }
    }
  }
}
