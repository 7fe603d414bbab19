package dev.kiln.nn.batching;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;

/**
 * How to batch: in order or shuffled (from an explicit seed), and how many batches to prepare
 * ahead (Thinc's {@code buffer}; it changes when batches are cut, never which or in what order).
 */
public record BatchOptions(boolean shuffle, long seed, int buffer) {
  public BatchOptions {
    if (buffer < 1) {
      throw new RejectedArgument("buffer", ErrorCode.E180, "buffer", "at least 1", buffer);
    }
  }

  /** Batches in the order of the data. */
  public static BatchOptions inOrder() {
    return new BatchOptions(false, 0L, 1);
  }

  /** Batches in a new random order on every pass, drawn from {@code seed}. */
  public static BatchOptions shuffled(long seed) {
    return new BatchOptions(true, seed, 1);
  }

  public BatchOptions withBuffer(int batches) {
    return new BatchOptions(shuffle, seed, batches);
  }
}
