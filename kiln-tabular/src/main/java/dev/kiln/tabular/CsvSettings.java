package dev.kiln.tabular;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.ProblemPolicy;
import java.util.List;

/**
 * How {@code kiln.Csv.v1} reads a file.
 *
 * @param label the label column's name
 * @param columns the feature columns to use; every column but the label when empty
 * @param categorical the columns read as categories (the others are numbers); they are used
 *     even when {@code columns} does not list them
 * @param onBadRow what to do with a malformed row
 * @param onUnusedColumn what to do with columns that are neither the label nor used
 * @param limit the most rows a pass reads; 0 for all
 * @param delimiter the field separator
 * @param labelRequired whether the label column must be there and filled (training and
 *     evaluation); data to annotate may lack it
 */
record CsvSettings(String label, List<String> columns, List<String> categorical, ProblemPolicy onBadRow,
    ProblemPolicy onUnusedColumn, int limit, char delimiter, boolean labelRequired) {
  CsvSettings {
    columns = List.copyOf(columns);
    categorical = List.copyOf(categorical);
    if (columns.contains(label)) {
      throw new KilnException(ErrorCode.E276, label, "columns");
    }
    if (categorical.contains(label)) {
      throw new KilnException(ErrorCode.E276, label, "categorical");
    }
  }

  /** These settings for data to annotate: a file without the label column (or cell) is read. */
  CsvSettings labelOptional() {
    return new CsvSettings(label, columns, categorical, onBadRow, onUnusedColumn, limit, delimiter, false);
  }

  /** The delimiter a config gives as a string: one character, not a quote or a line break. */
  static char delimiter(String text) {
    if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw new KilnException(ErrorCode.E275, text);
    }
    return text.charAt(0);
  }
}
