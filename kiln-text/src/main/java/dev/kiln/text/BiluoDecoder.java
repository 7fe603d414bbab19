package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The best-scoring valid BILUO sequence under per-token scores: Viterbi search over the
 * transitions {@link BiluoTag#mayFollow} allows, so the result never opens an entity it does
 * not close, nor continues one of another label.
 */
final class BiluoDecoder {
  private static final double UNLIKELY = 1e30;

  private BiluoDecoder() {}

  static List<String> decode(float[][] scores, List<String> labels) {
    int n = scores.length;
    if (n == 0) {
      return List.of();
    }
    int k = labels.size();
    List<BiluoTag> tags = labels.stream().map(BiluoTag::parse).toList();
    if (tags.contains(BiluoTag.MISSING)) {
      throw new IllegalArgumentException("\"-\" (unknown) is not a label a decoder can choose: " + labels);
    }
    double[] best = new double[k];
    int[][] back = new int[n][k];
    for (int j = 0; j < k; j++) {
      requireWidth(scores[0], k);
      best[j] = tags.get(j).mayFollow(null) ? finite(scores[0][j]) : Double.NEGATIVE_INFINITY;
    }
    for (int t = 1; t < n; t++) {
      requireWidth(scores[t], k);
      double[] next = new double[k];
      for (int j = 0; j < k; j++) {
        next[j] = Double.NEGATIVE_INFINITY;
        back[t][j] = -1;
        for (int i = 0; i < k; i++) {
          if (best[i] != Double.NEGATIVE_INFINITY && tags.get(j).mayFollow(tags.get(i)) && best[i] > next[j]) {
            next[j] = best[i];
            back[t][j] = i;
          }
        }
        next[j] += finite(scores[t][j]);
      }
      best = next;
    }
    int last = -1;
    for (int j = 0; j < k; j++) {
      if (tags.get(j).mayEnd() && best[j] != Double.NEGATIVE_INFINITY && (last < 0 || best[j] > best[last])) {
        last = j;
      }
    }
    if (last < 0) {
      throw new KilnException(ErrorCode.E307, labels, n);
    }
    List<String> path = new ArrayList<>(n);
    for (int t = n - 1; t >= 0; t--) {
      path.add(labels.get(last));
      last = back[t][last];
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * A score the path sums can use: NaN or an infinity (a diverged model) would make every
   * comparison false and leave tokens without a tag; such scores count as extremely unlikely
   * (or likely) but finite, so a valid sequence is still found.
   */
  private static double finite(float score) {
    return Float.isNaN(score) ? -UNLIKELY : Math.max(-UNLIKELY, Math.min(UNLIKELY, score));
  }

  private static void requireWidth(float[] row, int k) {
    if (row.length != k) {
      throw new IllegalArgumentException("a score row has " + row.length + " columns for " + k + " labels");
    }
  }
}
