package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiluoDecoderTest {
  private static final List<String> LABELS = List.of("O", "B-PER", "I-PER", "L-PER", "U-PER", "B-LOC", "I-LOC",
      "L-LOC", "U-LOC");

  @Test
  void decodedSequencesAreAlwaysValid() {
    Random random = new Random(300);
    for (int trial = 0; trial < 2000; trial++) {
      float[][] scores = randomScores(random, 1 + random.nextInt(12), LABELS.size());
      List<String> tags = Biluo.decode(scores, LABELS);
      assertThat(tags).hasSize(scores.length);
      assertThat(Biluo.isValid(tags)).as("%s", tags).isTrue();
    }
  }

  @Test
  void decodingEqualsBruteForceOnShortSequences() {
    Random random = new Random(301);
    for (int trial = 0; trial < 300; trial++) {
      float[][] scores = randomScores(random, 1 + random.nextInt(4), LABELS.size());
      assertThat(Biluo.decode(scores, LABELS)).isEqualTo(bruteForce(scores));
    }
  }

  @Test
  void overridesAnInvalidArgmax() {
    // The argmax per token is B-PER then O, which leaves the entity open.
    float[][] scores = {{0, 5, 0, 0, 2, 0, 0, 0, 0}, {4, 0, 0, 1, 0, 0, 0, 0, 0}};
    assertThat(Biluo.decode(scores, LABELS)).containsExactly("U-PER", "O");
    scores[1][3] = 3;
    assertThat(Biluo.decode(scores, LABELS)).containsExactly("B-PER", "L-PER");
  }

  @Test
  void scoresOfADivergedModelStillDecodeToAValidSequence() {
    float nan = Float.NaN;
    float[][] allNan = {{nan, nan, nan, nan, nan, nan, nan, nan, nan}, {nan, nan, nan, nan, nan, nan, nan, nan, nan}};
    assertThat(Biluo.isValid(Biluo.decode(allNan, LABELS))).isTrue();
    float inf = Float.POSITIVE_INFINITY;
    float[][] mixed = {{inf, nan, 0, -inf, 1, 0, 0, 0, 0}, {0, inf, inf, 0, nan, 0, 0, 0, -inf}};
    List<String> tags = Biluo.decode(mixed, LABELS);
    assertThat(tags).hasSize(2);
    assertThat(Biluo.isValid(tags)).as("%s", tags).isTrue();
  }

  @Test
  void labelsWithoutAValidSequenceAreAnError() {
    assertThatThrownBy(() -> Biluo.decode(new float[][] {{1f}}, List.of("B-PER"))).hasMessageStartingWith("[E307]");
  }

  private static float[][] randomScores(Random random, int n, int k) {
    float[][] scores = new float[n][k];
    for (float[] row : scores) {
      for (int j = 0; j < k; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return scores;
  }

  private static List<String> bruteForce(float[][] scores) {
    int n = scores.length;
    int k = LABELS.size();
    List<String> best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int[] choice = new int[n];
    for (long code = 0; code < Math.pow(k, n); code++) {
      long rest = code;
      List<String> tags = new ArrayList<>(n);
      double score = 0;
      for (int t = 0; t < n; t++) {
        choice[t] = (int) (rest % k);
        rest /= k;
        tags.add(LABELS.get(choice[t]));
        score += scores[t][choice[t]];
      }
      if (Biluo.isValid(tags) && score > bestScore) {
        bestScore = score;
        best = tags;
      }
    }
    return best;
  }
}
