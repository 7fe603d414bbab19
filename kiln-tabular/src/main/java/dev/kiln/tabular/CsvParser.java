package dev.kiln.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 says: fields separated by the delimiter, records by
 * LF or CRLF, a field in double quotes may hold delimiters, line breaks and doubled quotes.
 *
 * <p>It is lenient where data in the wild is (a bare CR ends a record, a quote inside an
 * unquoted field is kept as text) and reports, rather than throws, what it cannot read: a quote
 * still open at the end of the file (a truncated file) and text after a closing quote, so that
 * the reader can apply its bad-row policy.
 */
final class CsvParser {
  private static final int EOF = -1;
  private static final int UNCLOSED = -3;

  private final Reader in;
  private final char delimiter;
  private int line = 1;
  private int pending = -2;

  CsvParser(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The line the parser has reached, from 1. */
  int line() {
    return line;
  }

  /** The next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
    int c = read();
    if (c == EOF) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    while (true) {
      if (c == '"' && field.isEmpty()) {
        int quoteLine = line;
        c = readQuoted(field);
        if (c == UNCLOSED) {
          problem = "the quoted field opened on line " + quoteLine + " is not closed before the end of the file";
          c = EOF;
        }
        if (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
          if (problem == null) {
            problem = "there is text after the closing quote of field " + (fields.size() + 1);
          }
          while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            field.append((char) c);
            c = read();
          }
        }
      } else {
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == delimiter) {
        c = read();
        continue;
      }
      endLine(c);
      return new CsvRecord(start, List.copyOf(fields), problem);
    }
  }

  /**
   * Reads a quoted field's text into {@code field} after its opening quote; returns the
   * character after the closing quote, or {@code UNCLOSED} when the input ends first.
   */
  private int readQuoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        return UNCLOSED;
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          return after;
        }
        field.append('"');
      } else {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
          line++;
        }
        field.append((char) c);
      }
    }
  }

  /** Consumes the line break that ended a record (CRLF counts once). */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c != EOF) {
      line++;
    }
  }

  private int read() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (pending == -2) {
      pending = in.read();
    }
    return pending;
  }
}
