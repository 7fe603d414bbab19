package dev.kiln.text.textcat;

import dev.kiln.text.Doc;
import dev.kiln.train.Example;
import dev.kiln.train.Scorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * spaCy's text classification scores: {@code cats_micro_p/r/f}, {@code cats_macro_p/r/f},
 * {@code cats_macro_auc}, {@code cats_f_per_type}, {@code cats_auc_per_type} and
 * {@code cats_score} — the F of the positive label when there is one, else macro F for
 * exclusive classes and macro AUC for multilabel ones. A class is predicted when it has the
 * highest score (exclusive) and a score of at least {@code threshold} (0.0 by default for
 * exclusive classes, as spaCy's {@code textcat}); a gold class is one whose value is at least 0.5.
 * A label missing from a reference's cats is a negative for exclusive classes; for multilabel
 * ones that document is left out of the label's scores, as spaCy's {@code score_cats} does.
 */
final class CatsScores {
  private CatsScores() {}

  static Map<String, Object> of(List<Example<Doc>> examples, List<String> labels, boolean exclusive,
      double threshold, String positiveLabel) {
    Map<String, Object> perType = new LinkedHashMap<>();
    Map<String, Object> aucPerType = new LinkedHashMap<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    double sumP = 0;
    double sumR = 0;
    double sumF = 0;
    double sumAuc = 0;
    for (String label : labels) {
      long[] counts = new long[3];
      List<double[]> scored = new ArrayList<>();
      for (Example<Doc> example : examples) {
        double truth = truth(example.reference().cats(), label, exclusive);
        if (Double.isNaN(truth)) {
          continue;
        }
        boolean gold = truth >= 0.5;
        double score = example.predicted().cats().getOrDefault(label, 0.0);
        boolean predicted = (!exclusive || isBest(example.predicted().cats(), label, labels)) && score >= threshold;
        counts[0] += gold && predicted ? 1 : 0;
        counts[1] += !gold && predicted ? 1 : 0;
        counts[2] += gold && !predicted ? 1 : 0;
        scored.add(new double[] {score, gold ? 1 : 0});
      }
      double p = ratio(counts[0], counts[0] + counts[1]);
      double r = ratio(counts[0], counts[0] + counts[2]);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      perType.put(label, Scorer.prf(p, r, f));
      double auc = auc(scored);
      aucPerType.put(label, auc);
      tp += counts[0];
      fp += counts[1];
      fn += counts[2];
      sumP += p;
      sumR += r;
      sumF += f;
      sumAuc += auc;
    }
    int n = Math.max(1, labels.size());
    double microP = ratio(tp, tp + fp);
    double microR = ratio(tp, tp + fn);
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("cats_micro_p", microP);
    scores.put("cats_micro_r", microR);
    scores.put("cats_micro_f", microP + microR == 0 ? 0.0 : 2 * microP * microR / (microP + microR));
    scores.put("cats_macro_p", sumP / n);
    scores.put("cats_macro_r", sumR / n);
    scores.put("cats_macro_f", sumF / n);
    scores.put("cats_macro_auc", sumAuc / n);
    scores.put("cats_f_per_type", perType);
    scores.put("cats_auc_per_type", aucPerType);
    Object main;
    if (positiveLabel != null && perType.get(positiveLabel) instanceof Map<?, ?> positive) {
      main = positive.get("f");
    } else {
      main = exclusive ? scores.get("cats_macro_f") : scores.get("cats_macro_auc");
    }
    scores.put("cats_score", main);
    return scores;
  }

  /**
   * The reference score of {@code label}, as training and scoring both read it: a label the
   * reference cats leave out is 0 for exclusive classes, and unknown (NaN) for multilabel ones,
   * which then neither learn nor score it on that document (spaCy's {@code support_missing_values});
   * the readers refuse a reference score that is itself NaN.
   */
  static double truth(Map<String, Double> reference, String label, boolean exclusive) {
    Double truth = reference.get(label);
    return truth != null ? truth : exclusive ? 0.0 : Double.NaN;
  }

  /**
   * Whether {@code label} has the highest score among {@code labels}: the cats of a document may
   * hold another classifier's labels too, which spaCy's {@code score_cats} leaves out.
   */
  private static boolean isBest(Map<String, Double> cats, String label, List<String> labels) {
    Double own = cats.get(label);
    if (own == null) {
      return false;
    }
    for (String other : labels) {
      if (cats.getOrDefault(other, Double.NEGATIVE_INFINITY) > own) {
        return false;
      }
    }
    return true;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : numerator / (double) denominator;
  }

  /** ROC AUC by the rank-sum formula, ties sharing their average rank; 0.5 when undefined. */
  static double auc(List<double[]> scoredGold) {
    double[][] rows = scoredGold.toArray(new double[0][]);
    Arrays.sort(rows, (a, b) -> Double.compare(a[0], b[0]));
    long positives = 0;
    double rankSum = 0;
    int i = 0;
    while (i < rows.length) {
      int j = i;
      // Double.compare, not ==: NaN scores (a diverged model) tie with each other, so the loop ends.
      while (j < rows.length && Double.compare(rows[j][0], rows[i][0]) == 0) {
        j++;
      }
      double averageRank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (rows[k][1] > 0) {
          positives++;
          rankSum += averageRank;
        }
      }
      i = j;
    }
    long negatives = rows.length - positives;
    if (positives == 0 || negatives == 0) {
      return 0.5;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }
}
