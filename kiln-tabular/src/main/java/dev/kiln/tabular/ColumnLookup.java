package dev.kiln.tabular;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.List;

/**
 * Finds fitted columns, by name, among the values of rows: rows of another file may order their
 * columns differently. Remembers the answer for the last {@link TableColumns}, which all rows of
 * one pass share.
 */
final class ColumnLookup {
  private final String owner;
  private TableColumns last;
  private Indices lastIndices;

  ColumnLookup(String owner) {
    this.owner = owner;
  }

  /** Positions in a row's values of each fitted column. */
  record Indices(int[] numeric, int[] categorical) {}

  /**
   * Where {@code numeric} and {@code categorical} sit in rows with {@code columns}.
   *
   * @throws KilnException E280 when the rows lack one of them
   */
  Indices indices(TableColumns columns, List<String> numeric, List<String> categorical) {
    if (columns != last) {
      lastIndices = new Indices(find(columns, columns.numeric(), numeric, "numeric"),
          find(columns, columns.categorical(), categorical, "categorical"));
      last = columns;
    }
    return lastIndices;
  }

  private int[] find(TableColumns columns, List<String> present, List<String> wanted, String kind) {
    int[] found = new int[wanted.size()];
    for (int i = 0; i < found.length; i++) {
      found[i] = present.indexOf(wanted.get(i));
      if (found[i] < 0) {
        throw new KilnException(ErrorCode.E280, owner, kind, wanted.get(i), columns.file(), columns.numeric(),
            columns.categorical());
      }
    }
    return found;
  }
}
