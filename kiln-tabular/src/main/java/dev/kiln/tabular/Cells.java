package dev.kiln.tabular;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** How the text of a table cell is read: missing values and numbers. */
final class Cells {
  // Plain decimal notation only: Java's parser would also take "NaN", "Infinity", hex and a
  // trailing "f" or "d", none of which a CSV file means as a number. Possessive quantifiers: with
  // \d+\.?\d* a cell of 200,000 digits and a letter backtracked quadratically (over a minute).
  private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");

  private Cells() {}

  /** An empty cell, "NA" or "?" (R's and the UCI repository's spellings) is a missing value. */
  static boolean isMissing(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() || trimmed.equals("NA") || trimmed.equals("?");
  }

  /**
   * A missing value in a numeric column: as {@link #isMissing}, or "NaN" in any case, which is
   * how Python, NumPy and pandas write a missing float.
   */
  static boolean isMissingNumber(String text) {
    return isMissing(text) || text.strip().equalsIgnoreCase("nan");
  }

  /** Whether the cell is written as a number in decimal notation, however large. */
  static boolean isNumeral(String text) {
    return NUMBER.matcher(text.strip()).matches();
  }

  /**
   * The cell as a number, or empty when it is not one or lies beyond float32's range (about
   * ±3.4e38): the model computes in float32, where such a value is infinite and its row's
   * scores NaN.
   */
  static OptionalDouble number(String text) {
    if (!isNumeral(text)) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text.strip());
    return Math.abs(value) <= Float.MAX_VALUE ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
