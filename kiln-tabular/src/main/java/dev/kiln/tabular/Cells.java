package dev.kiln.tabular;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** How the text of a table cell is read: missing values and numbers. */
final class Cells {
  // Plain decimal notation only: Java's parser would also take "NaN", "Infinity", hex and a
  // trailing "f" or "d", none of which a CSV file means as a number.
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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

  /** The cell as a finite number, or empty when it is not one (or is beyond a double's range, as 1e400). */
  static OptionalDouble number(String text) {
    if (!isNumeral(text)) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text.strip());
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
