package dev.kiln.text.quickstart;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a generated config favours, as spaCy's quickstart: {@code efficiency} (bag-of-words text
 * classification, a narrow tok2vec) or {@code accuracy} (the ensemble classifier, a wide tok2vec).
 */
public enum Optimize {
  EFFICIENCY(96, 4, 2000),
  ACCURACY(256, 8, 5000);

  private final int width;
  private final int depth;
  private final int embedSize;

  Optimize(int width, int depth, int embedSize) {
    this.width = width;
    this.depth = depth;
    this.embedSize = embedSize;
  }

  /**
   * The value of an {@code --optimize} option.
   *
   * @throws KilnException E341 listing the accepted values
   */
  public static Optimize parse(String text) {
    for (Optimize optimize : values()) {
      if (optimize.configName().equals(text)) {
        return optimize;
      }
    }
    throw new KilnException(ErrorCode.E341, text, String.join(", ", Arrays.stream(values()).map(Optimize::configName).toList()));
  }

  /** The name on the command line: {@code efficiency} or {@code accuracy}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The shared tok2vec's width (its output columns). */
  int width() {
    return width;
  }

  /** The number of convolution layers of the shared tok2vec. */
  int depth() {
    return depth;
  }

  /** The rows of each hash-embedding table of the shared tok2vec. */
  int embedSize() {
    return embedSize;
  }
}
