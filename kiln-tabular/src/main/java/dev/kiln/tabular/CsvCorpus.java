package dev.kiln.tabular;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.Excerpt;
import dev.kiln.train.ProblemPolicy;
import dev.kiln.train.SkippedRecords;
import dev.kiln.train.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table rows from a CSV file with a header line, streamed: a pass holds one record at a time.
 * Bad rows and unused columns are handled by the settings' policies; under {@code warn} and
 * {@code ignore} bad rows are skipped and counted, and the count is logged (under {@code warn})
 * once at the end of each pass.
 */
final class CsvCorpus implements Corpus<TableRow> {
  private static final Logger LOG = LoggerFactory.getLogger(CsvCorpus.class);

  private final Path path;
  private final CsvSettings settings;
  private final AtomicBoolean unusedReported = new AtomicBoolean();
  private volatile int skipped = -1;

  CsvCorpus(Path path, CsvSettings settings) {
    this.path = path;
    this.settings = settings;
  }

  @Override
  public Iterable<Example<TableRow>> read() {
    return Rows::new;
  }

  /** The same file for annotating: a missing label column, or an empty label cell, is no error. */
  @Override
  public Corpus<TableRow> unlabeled() {
    return new CsvCorpus(path, settings.labelOptional());
  }

  /** How many bad rows the last finished pass skipped; -1 before any pass finished. */
  int skippedRows() {
    return skipped;
  }

  private final class Rows implements Iterator<Example<TableRow>> {
    private final BufferedReader reader;
    private final CsvParser parser;
    private final CsvLayout layout;
    private int produced;
    private final SkippedRecords badRows = new SkippedRecords(path, "on_bad_row", settings.onBadRow(), "bad row(s)");
    private Example<TableRow> next;
    private boolean finished;

    Rows() {
      reader = Utf8Text.open(path);
      parser = new CsvParser(reader, settings.delimiter());
      CsvRecord header = nextRecord();
      while (header != null && header.isBlank()) {
        header = nextRecord();
      }
      if (header == null) {
        close();
        throw new KilnException(ErrorCode.E271, path);
      }
      if (header.problem() != null) {
        close();
        throw new KilnException(ErrorCode.E270, path, header.line(), "the header line is malformed: " + header.problem());
      }
      layout = CsvLayout.of(path, header, settings);
      reportUnused();
    }

    @Override
    public boolean hasNext() {
      if (next == null && !finished) {
        if (settings.limit() > 0 && produced >= settings.limit()) {
          finish();
        } else {
          next = readNext();
        }
      }
      return next != null;
    }

    @Override
    public Example<TableRow> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Example<TableRow> example = next;
      next = null;
      produced++;
      return example;
    }

    private Example<TableRow> readNext() {
      CsvRecord record;
      while ((record = nextRecord()) != null) {
        if (record.isBlank()) {
          continue;
        }
        String problem = record.problem() != null ? record.problem() : check(record);
        if (problem == null) {
          return row(record);
        }
        badRow(record.line(), problem);
      }
      finish();
      return null;
    }

    /** Why the record cannot be a row, or null when it can. */
    private String check(CsvRecord record) {
      if (record.fields().size() != layout.width()) {
        return "it has " + record.fields().size() + " field(s), but the header has " + layout.width();
      }
      if (settings.labelRequired() && Cells.isMissingNumber(record.fields().get(layout.label()))) {
        return "the label column \"" + settings.label() + "\" is missing (empty, NA, ? or NaN)";
      }
      for (int i = 0; i < layout.numeric().length; i++) {
        String text = record.fields().get(layout.numeric()[i]);
        if (!Cells.isMissingNumber(text) && Cells.number(text).isEmpty()) {
          String column = "the numeric column \"" + layout.columns().numeric().get(i) + "\" holds \"" + Excerpt.of(text) + "\"";
          return Cells.isNumeral(text)
              ? column + ", which is beyond the range of the model's 32-bit numbers (about ±3.4e38); rescale the column"
              : column + ", which is not a number (list the column in categorical if it holds categories)";
        }
      }
      return null;
    }

    private Example<TableRow> row(CsvRecord record) {
      double[] numbers = new double[layout.numeric().length];
      for (int i = 0; i < numbers.length; i++) {
        String text = record.fields().get(layout.numeric()[i]);
        OptionalDouble value = Cells.isMissingNumber(text) ? OptionalDouble.empty() : Cells.number(text);
        numbers[i] = value.orElse(Double.NaN);
      }
      String[] categories = new String[layout.categorical().length];
      for (int i = 0; i < categories.length; i++) {
        String text = record.fields().get(layout.categorical()[i]);
        categories[i] = Cells.isMissing(text) ? null : text.strip();
      }
      String label = layout.label() < 0 || Cells.isMissingNumber(record.fields().get(layout.label())) ? null
          : record.fields().get(layout.label()).strip();
      return TableRow.example(layout.columns(), record.line(), numbers, categories, label);
    }

    private void badRow(int line, String problem) {
      if (settings.onBadRow() == ProblemPolicy.ERROR) {
        close();
        throw new KilnException(ErrorCode.E270, path, line, problem);
      }
      badRows.add("line " + line + ": " + problem);
    }

    private void reportUnused() {
      if (layout.unused().isEmpty() || settings.onUnusedColumn() == ProblemPolicy.IGNORE) {
        return;
      }
      if (settings.onUnusedColumn() == ProblemPolicy.ERROR) {
        close();
        throw new KilnException(ErrorCode.E274, path, layout.unused());
      }
      if (!unusedReported.getAndSet(true)) {
        LOG.warn("{}: the columns {} are not used (on_unused_column = \"warn\")", path, layout.unused());
      }
    }

    private void finish() {
      if (finished) {
        return;
      }
      finished = true;
      close();
      skipped = badRows.count();
      badRows.endOfPass();
    }

    private CsvRecord nextRecord() {
      try {
        return parser.next();
      } catch (CharacterCodingException e) {
        throw notUtf8();
      } catch (IOException e) {
        close();
        throw new KilnException(ErrorCode.E080, path, IoReason.of(e));
      }
    }

    private KilnException notUtf8() {
      close();
      return Utf8Text.notUtf8(path);
    }

    private void close() {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
