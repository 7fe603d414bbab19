package dev.kiln.tabular;

import java.nio.file.Path;
import java.util.List;

/**
 * The columns of the rows read from one file, shared by all its rows: which are numeric and
 * which categorical, in the order of each row's values, and which one is the label.
 *
 * @param file where the rows come from, for messages
 * @param label the label column's name
 * @param numeric the numeric feature columns, in the order of {@link TableRow#numbers()}
 * @param categorical the categorical feature columns, in the order of {@link TableRow#categories()}
 */
public record TableColumns(Path file, String label, List<String> numeric, List<String> categorical) {
  public TableColumns {
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
  }
}
