package dev.kiln.tabular;

import dev.kiln.train.ClassScores;
import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import dev.kiln.train.JsonRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a table: its feature values by column and its label. The reference row of an
 * example carries the gold label; the predicted one the class (with probabilities) or the number
 * a component set.
 *
 * @param columns the names of the values, shared by the rows of one file
 * @param line the line of the file the row starts on, for messages
 * @param numbers the numeric features in the order of {@code columns.numeric()}; NaN when missing
 * @param categories the categorical features in the order of {@code columns.categorical()};
 *     null when missing
 * @param label the label as written (a class name, or a number for regression), or null when
 *     not (yet) known
 * @param scores the class probabilities a classifier set, or null
 */
public record TableRow(TableColumns columns, int line, double[] numbers, String[] categories, String label,
    ClassScores scores) implements Datum, JsonRecord {
  /** Refuses values that do not match the columns, which would fail much later, in a model. */
  public TableRow {
    if (numbers.length != columns.numeric().size() || categories.length != columns.categorical().size()) {
      throw new IllegalArgumentException("a row of " + numbers.length + " numbers and " + categories.length
          + " categories for " + columns.numeric().size() + " numeric columns " + columns.numeric() + " and "
          + columns.categorical().size() + " categorical columns " + columns.categorical());
    }
  }

  /** Counts as one word: a record without tokens. */
  @Override
  public int length() {
    return 1;
  }

  /** The value of a numeric column, NaN when missing. */
  public double number(String column) {
    int index = columns.numeric().indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no numeric column " + column + " in " + columns.numeric());
    }
    return numbers[index];
  }

  /** The value of a categorical column, null when missing. */
  public String category(String column) {
    int index = columns.categorical().indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no categorical column " + column + " in " + columns.categorical());
    }
    return categories[index];
  }

  /** The label read as a number (for regression); NaN when it is missing or not a number. */
  public double labelValue() {
    return label == null ? Double.NaN : Cells.number(label).orElse(Double.NaN);
  }

  /**
   * The row's line in its file, its label (or prediction) and, for a classifier, the
   * probabilities. A regressor's prediction (a label without class scores) is a JSON number.
   */
  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("line", line);
    boolean regressed = label != null && scores == null && !Double.isNaN(labelValue());
    json.put("label", regressed ? (Object) labelValue() : label);
    if (scores != null) {
      json.put("scores", scores.byClass());
    }
    return json;
  }

  /** This row with a predicted class and its probabilities. */
  public TableRow withClass(String predicted, ClassScores probabilities) {
    return new TableRow(columns, line, numbers, categories, predicted, probabilities);
  }

  /** This row with a predicted number as its label. */
  public TableRow withValue(double predicted) {
    return new TableRow(columns, line, numbers, categories, Double.toString(predicted), null);
  }

  /** An example whose predicted row has the features and no label. */
  public static Example<TableRow> example(TableColumns columns, int line, double[] numbers, String[] categories,
      String label) {
    return new Example<>(new TableRow(columns, line, numbers, categories, null, null),
        new TableRow(columns, line, numbers, categories, label, null));
  }
}
