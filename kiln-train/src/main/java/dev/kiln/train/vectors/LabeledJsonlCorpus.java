package dev.kiln.train.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.Excerpt;
import dev.kiln.train.JsonLine;
import dev.kiln.train.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Feature vectors with labels from JSONL, one {@code {"features": [0.1, 2, ...], "label": "A"}}
 * per line, streamed: a pass holds one line at a time, so corpora larger than memory train
 * with {@code max_epochs = -1}. A bad line is an error naming the file and line.
 */
final class LabeledJsonlCorpus implements Corpus<Labeled> {
  private final Path path;
  private final int limit;

  LabeledJsonlCorpus(Path path, int limit) {
    this.path = path;
    this.limit = limit;
  }

  @Override
  public Iterable<Example<Labeled>> read() {
    return () -> new Lines();
  }

  private final class Lines implements Iterator<Example<Labeled>> {
    private final BufferedReader reader;
    private int lineNumber;
    private int produced;
    private Example<Labeled> next;
    private boolean finished;
    /** The first record's number of features and its line: the model needs one width, and E230 names no line. */
    private int width;
    private int widthLine;

    Lines() {
      reader = Utf8Text.open(path);
    }

    @Override
    public boolean hasNext() {
      if (next == null && !finished && (limit <= 0 || produced < limit)) {
        next = readNext();
      }
      return next != null;
    }

    @Override
    public Example<Labeled> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Example<Labeled> example = next;
      next = null;
      produced++;
      return example;
    }

    private Example<Labeled> readNext() {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (!line.isBlank()) {
            return parse(line);
          }
        }
        reader.close();
        finished = true;
        return null;
      } catch (CharacterCodingException e) {
        throw Utf8Text.notUtf8(path);
      } catch (IOException e) {
        throw new KilnException(ErrorCode.E080, path, IoReason.of(e));
      }
    }

    private Example<Labeled> parse(String line) {
      JsonNode record = JsonLine.parse(line, problem -> new KilnException(ErrorCode.E236, path, lineNumber, problem));
      if (record == null || !record.isObject()) {
        throw new KilnException(ErrorCode.E236, path, lineNumber, "it is not a JSON object");
      }
      JsonNode features = record.path("features");
      if (!features.isArray() || features.isEmpty()) {
        throw new KilnException(ErrorCode.E236, path, lineNumber, "\"features\" must be a non-empty list of numbers");
      }
      if (width == 0) {
        width = features.size();
        widthLine = lineNumber;
      } else if (features.size() != width) {
        throw new KilnException(ErrorCode.E236, path, lineNumber, "it has " + features.size() + " features, but line "
            + widthLine + " has " + width + ": give every line the same number");
      }
      float[] values = new float[features.size()];
      for (int i = 0; i < values.length; i++) {
        if (!features.get(i).isNumber()) {
          throw new KilnException(ErrorCode.E236, path, lineNumber, "feature " + i + " is not a number");
        }
        values[i] = features.get(i).floatValue();
        if (!Float.isFinite(values[i])) {
          throw new KilnException(ErrorCode.E236, path, lineNumber, "feature " + i + " is " + features.get(i).asText()
              + ", beyond the range of the model's 32-bit numbers (about ±3.4e38); rescale it");
        }
      }
      JsonNode label = record.path("label");
      if (label.isContainerNode()) {
        throw new KilnException(ErrorCode.E236, path, lineNumber, "\"label\" is " + Excerpt.of(label) + ", not a name");
      }
      return Labeled.example(new FeatureVector.Dense(values), label.isMissingNode() || label.isNull() ? null : label.asText());
    }
  }
}
