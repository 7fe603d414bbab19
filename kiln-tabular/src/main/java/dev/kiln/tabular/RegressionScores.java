package dev.kiln.tabular;

import dev.kiln.train.Example;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean absolute error ({@code mae}), root mean squared error ({@code rmse}) and the coefficient
 * of determination ({@code r2}: 1 for a perfect fit, 0 for always guessing the mean) of predicted
 * against reference numbers. Rows without a numeric reference are left out.
 */
final class RegressionScores {
  private RegressionScores() {}

  static Map<String, Object> of(List<Example<TableRow>> examples) {
    long n = 0;
    double sum = 0;
    for (Example<TableRow> example : examples) {
      double gold = example.reference().labelValue();
      if (!Double.isNaN(gold)) {
        n++;
        sum += gold;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double absolute = 0;
    double squared = 0;
    double total = 0;
    for (Example<TableRow> example : examples) {
      double gold = example.reference().labelValue();
      if (!Double.isNaN(gold)) {
        double error = example.predicted().labelValue() - gold;
        absolute += Math.abs(error);
        squared += error * error;
        total += (gold - mean) * (gold - mean);
      }
    }
    Map<String, Object> scores = new LinkedHashMap<>();
    if (n == 0) {
      scores.put("mae", 0.0);
      scores.put("rmse", 0.0);
      scores.put("r2", 0.0);
      return scores;
    }
    scores.put("mae", absolute / n);
    scores.put("rmse", Math.sqrt(squared / n));
    // With no spread in the references, r2 is undefined; as scikit-learn, call an exact fit 1, else 0.
    scores.put("r2", total > 0 ? 1 - squared / total : squared == 0 ? 1.0 : 0.0);
    return scores;
  }
}
