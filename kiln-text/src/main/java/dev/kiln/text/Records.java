package dev.kiln.text;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One streaming pass over a file of documents: opens the file on creation, reads a document
 * only when asked, and closes the file at its end or after {@code limit} documents.
 *
 * @param <T> what a document is read as: an example, or an {@link InspectedDoc}
 */
final class Records<T> implements Iterator<T> {
  /** Reads the next document from the lines, or returns {@code null} at the end. */
  @FunctionalInterface
  interface Parser<T> {
    T next(LineReader lines);
  }

  private final LineReader lines;
  private final Parser<T> parser;
  private final int limit;
  private int produced;
  private T next;
  private boolean finished;

  Records(Path path, int limit, Parser<T> parser) {
    this.lines = new LineReader(path);
    this.parser = parser;
    this.limit = limit;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = limit > 0 && produced >= limit ? null : parser.next(lines);
      if (next == null) {
        finished = true;
        lines.close();
      }
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T example = next;
    next = null;
    produced++;
    return example;
  }
}
