package dev.kiln.tabular;

import java.util.List;

/**
 * One record of a CSV file as the parser split it.
 *
 * @param line the line the record starts on, from 1
 * @param fields the fields, unquoted
 * @param problem why the record is malformed (an unclosed quote, text after a closing quote),
 *     or null when it is well formed
 */
record CsvRecord(int line, List<String> fields, String problem) {
  /** A record of a single empty field: a blank line, which readers skip. */
  boolean isBlank() {
    return fields.size() == 1 && fields.get(0).isEmpty() && problem == null;
  }
}
