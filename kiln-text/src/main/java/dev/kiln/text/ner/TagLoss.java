package dev.kiln.text.ner;

import dev.kiln.nn.array.Floats;

/**
 * Softmax cross-entropy of per-token tag scores: the loss the entity recogniser trains with, and
 * the log-probabilities it decodes.
 */
final class TagLoss {
  private TagLoss() {}

  /**
   * Adds to {@code gradient} the gradient of the cross-entropy of each row's softmax against its
   * gold column, {@code (softmax - onehot) * scale}, and returns the summed loss. Rows whose gold
   * is -1 (unknown) get no gradient and no loss.
   */
  static double accumulate(Floats scores, int[] gold, float scale, Floats gradient) {
    int width = scores.cols();
    float[] d = gradient.data();
    double loss = 0;
    for (int row = 0; row < gold.length; row++) {
      if (gold[row] < 0) {
        continue;
      }
      double[] p = softmax(scores, row);
      for (int c = 0; c < width; c++) {
        d[row * width + c] += (float) ((p[c] - (c == gold[row] ? 1 : 0)) * scale);
      }
      loss -= Math.log(Math.max(p[gold[row]], 1e-12));
    }
    return loss;
  }

  /** The log-softmax of each row: scores whose best valid sequence is the most probable one. */
  static float[][] logProbabilities(Floats scores) {
    float[][] out = new float[scores.rows()][];
    for (int row = 0; row < out.length; row++) {
      double[] p = softmax(scores, row);
      out[row] = new float[p.length];
      for (int c = 0; c < p.length; c++) {
        out[row][c] = (float) Math.log(Math.max(p[c], 1e-30));
      }
    }
    return out;
  }

  private static double[] softmax(Floats scores, int row) {
    int width = scores.cols();
    float[] x = scores.data();
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < width; c++) {
      max = Math.max(max, x[row * width + c]);
    }
    double[] p = new double[width];
    double sum = 0;
    for (int c = 0; c < width; c++) {
      p[c] = Math.exp(x[row * width + c] - max);
      sum += p[c];
    }
    for (int c = 0; c < width; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
