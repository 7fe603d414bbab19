package dev.kiln.tabular;

import java.util.List;

/**
 * What a {@link TableEncoder} learned at {@code initialize}, as it is saved in
 * {@code encoder.json}.
 *
 * @param numeric each numeric column with the mean and standard deviation it is standardised by
 * @param categorical each categorical column with the values seen in training, sorted
 * @param hashBuckets 0 to one-hot categories; otherwise how many buckets each categorical column
 *     is hashed into
 */
record EncoderState(List<Numeric> numeric, List<Categorical> categorical, int hashBuckets) {
  EncoderState {
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
  }

  /** A numeric column: its value becomes {@code (value - mean) / std}, and 0 when missing. */
  record Numeric(String name, double mean, double std) {}

  /** A categorical column and its vocabulary. */
  record Categorical(String name, List<String> values) {
    Categorical {
      values = List.copyOf(values);
    }
  }

  /** How many floats one categorical column takes: the buckets, or a missing slot plus one per value. */
  int categoricalWidth(Categorical column) {
    return hashBuckets > 0 ? hashBuckets : 1 + column.values().size();
  }
}
