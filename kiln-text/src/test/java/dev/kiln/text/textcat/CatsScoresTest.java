package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CatsScoresTest {
  private static Example<Doc> example(double goldSpam, double predictedSpam) {
    Doc doc = new Tokenizer().tokenize("a message");
    return new Example<>(doc.withCats(Map.of("SPAM", predictedSpam, "HAM", 1 - predictedSpam)),
        doc.withCats(Map.of("SPAM", goldSpam, "HAM", 1 - goldSpam)));
  }

  @Test
  void exclusiveScoresCountTheBestClassAndAverageOverLabels() {
    List<Example<Doc>> examples = List.of(example(1, 0.9), example(1, 0.4), example(0, 0.2), example(0, 0.7));
    Map<String, Object> scores = CatsScores.of(examples, List.of("HAM", "SPAM"), true, 0.0, null);
    // SPAM: tp 1, fp 1, fn 1 -> p = r = f = 0.5; HAM likewise.
    assertThat((double) scores.get("cats_macro_f")).isCloseTo(0.5, within(1e-12));
    assertThat((double) scores.get("cats_micro_f")).isCloseTo(0.5, within(1e-12));
    assertThat(scores.get("cats_score")).isEqualTo(scores.get("cats_macro_f"));
    // AUC of SPAM scores 0.9, 0.4 (gold) against 0.2, 0.7: 3 of the 4 pairs ordered right.
    assertThat((double) ((Map<?, ?>) scores.get("cats_auc_per_type")).get("SPAM")).isCloseTo(0.75, within(1e-12));
    Map<String, Object> positive = CatsScores.of(examples, List.of("HAM", "SPAM"), true, 0.0, "SPAM");
    assertThat((double) positive.get("cats_score")).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aucSharesTiedRanks() {
    List<double[]> scored = new ArrayList<>(List.of(new double[] {0.5, 1}, new double[] {0.5, 0}));
    assertThat(CatsScores.auc(scored)).isEqualTo(0.5);
    assertThat(CatsScores.auc(List.of(new double[] {0.1, 0}, new double[] {0.9, 1}))).isEqualTo(1.0);
  }

  @Test
  @Timeout(10)
  void nanScoresOfADivergedModelTieInsteadOfLoopingForever() {
    List<double[]> scored = List.of(new double[] {Double.NaN, 1}, new double[] {Double.NaN, 0}, new double[] {0.3, 1});
    assertThat(CatsScores.auc(scored)).isBetween(0.0, 1.0);
  }

  @Test
  void bucketsHashUnigramsAndBigramsOfLowerCasedTokens() {
    Doc doc = new Tokenizer().tokenize("Free money free");
    int[] buckets = BagOfNgrams.buckets(doc, 2, 1 << 18);
    // Two buckets per n-gram: "free" (tokens 0 and 2) twice, "money", then the two bigrams.
    assertThat(buckets).hasSize(10);
    assertThat(buckets[0]).isEqualTo(buckets[4]);
    assertThat(buckets[1]).isEqualTo(buckets[5]);
    assertThat(buckets[0]).isNotEqualTo(buckets[1]);
    assertThat(java.util.Arrays.stream(buckets).allMatch(b -> b >= 0 && b < (1 << 18))).isTrue();
  }
}
