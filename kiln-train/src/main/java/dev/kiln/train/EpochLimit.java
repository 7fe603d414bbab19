package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;

/**
 * How many passes over the training corpus: spaCy's {@code max_epochs}, as a type. The config
 * keeps spaCy's spelling (0 unlimited, N epochs, -1 streaming); {@link #fromConfig} converts it.
 */
public sealed interface EpochLimit {
  /** Load the corpus once, shuffle it every epoch, never stop for epochs. */
  record Unlimited() implements EpochLimit {}

  /** Load the corpus once, shuffle it every epoch, stop after {@code epochs}. */
  record Fixed(int epochs) implements EpochLimit {}

  /**
   * Re-read the corpus every epoch without loading or shuffling it (for corpora larger than
   * memory); stop after {@code epochs} of them, or never when 0.
   */
  record Streaming(int epochs) implements EpochLimit {}

  /** spaCy's {@code max_epochs}: 0 unlimited, N &gt; 0 epochs, -1 streaming. */
  static EpochLimit fromConfig(int maxEpochs) {
    if (maxEpochs == 0) {
      return new Unlimited();
    }
    if (maxEpochs == -1) {
      return new Streaming(0);
    }
    if (maxEpochs > 0) {
      return new Fixed(maxEpochs);
    }
    throw new KilnException(ErrorCode.E201, maxEpochs);
  }

  /** Whether another epoch may start after {@code epochsDone} complete ones. */
  default boolean allowsEpoch(int epoch) {
    if (this instanceof Fixed fixed) {
      return epoch < fixed.epochs();
    }
    return !(this instanceof Streaming streaming) || streaming.epochs() == 0 || epoch < streaming.epochs();
  }
}
