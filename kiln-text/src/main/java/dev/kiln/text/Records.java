package dev.kiln.text;

import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One streaming pass over a file of documents: opens the file on creation, reads a document
 * only when asked, and closes the file at its end or after {@code limit} documents.
 */
final class Records implements Iterator<Example<Doc>> {
  /** Reads the next document's example from the lines, or returns {@code null} at the end. */
  @FunctionalInterface
  interface Parser {
    Example<Doc> next(LineReader lines);
  }

  private final LineReader lines;
  private final Parser parser;
  private final int limit;
  private int produced;
  private Example<Doc> next;
  private boolean finished;

  Records(Path path, int limit, Parser parser) {
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
  public Example<Doc> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Example<Doc> example = next;
    next = null;
    produced++;
    return example;
  }
}
