package dev.kiln.nn.losses;

/** Small helpers the losses share. */
final class Losses {
  private Losses() {}

  /** The sum of squares, accumulated in double: Thinc's loss value {@code (d**2).sum()}. */
  static double sumOfSquares(float[] d) {
    double sum = 0;
    for (float v : d) {
      sum += (double) (v * v);
    }
    return sum;
  }
}
