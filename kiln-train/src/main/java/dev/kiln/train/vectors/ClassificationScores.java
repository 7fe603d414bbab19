package dev.kiln.train.vectors;

import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import dev.kiln.train.Scorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Accuracy, macro-averaged F, and precision, recall and F per class, from predicted against
 * reference labels: {@code acc}, {@code macro_f}, {@code macro_p}, {@code macro_r},
 * {@code f_per_type} ({@code {"label": {"p", "r", "f"}}}).
 */
public final class ClassificationScores {
  private ClassificationScores() {}

  static Map<String, Object> of(List<Example<Labeled>> examples, List<String> labels) {
    return of(examples, Labeled::label, labels);
  }

  /**
   * The scores of any records with one class label each.
   *
   * @param labelOf the class of a record, or null when it has none
   * @param labels the classes that get a row in {@code f_per_type} even when never seen
   */
  public static <D extends Datum> Map<String, Object> of(
      List<Example<D>> examples, Function<? super D, String> labelOf, List<String> labels) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (String label : labels) {
      counts.put(label, new long[3]); // true positives, predicted, actual
    }
    long correct = 0;
    for (Example<D> example : examples) {
      String gold = labelOf.apply(example.reference());
      String guess = labelOf.apply(example.predicted());
      if (gold != null && gold.equals(guess)) {
        // One lookup for the three counts of a right guess, the common case once trained.
        long[] c = counts.computeIfAbsent(gold, l -> new long[3]);
        c[0]++;
        c[1]++;
        c[2]++;
        correct++;
        continue;
      }
      if (guess != null) {
        counts.computeIfAbsent(guess, l -> new long[3])[1]++;
      }
      if (gold != null) {
        counts.computeIfAbsent(gold, l -> new long[3])[2]++;
      }
    }
    Map<String, Object> perType = new LinkedHashMap<>();
    double sumP = 0;
    double sumR = 0;
    double sumF = 0;
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      long[] c = entry.getValue();
      double p = c[1] == 0 ? 0 : c[0] / (double) c[1];
      double r = c[2] == 0 ? 0 : c[0] / (double) c[2];
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      perType.put(entry.getKey(), Scorer.prf(p, r, f));
      sumP += p;
      sumR += r;
      sumF += f;
    }
    int n = Math.max(counts.size(), 1);
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("acc", examples.isEmpty() ? 0.0 : correct / (double) examples.size());
    scores.put("macro_p", sumP / n);
    scores.put("macro_r", sumR / n);
    scores.put("macro_f", sumF / n);
    scores.put("f_per_type", perType);
    return scores;
  }
}
