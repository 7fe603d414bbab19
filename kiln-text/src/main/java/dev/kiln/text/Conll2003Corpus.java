package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences of a CoNLL-2003 named-entity file, one document each: a line per word
 * ({@code word [pos chunk] tag}, the entity tag last, in IOB1 or IOB2), blank lines between
 * sentences, {@code -DOCSTART-} lines between documents. The part-of-speech column, when
 * present, becomes the tags. Streamed per pass.
 */
final class Conll2003Corpus implements Corpus<Doc> {
  private static final String DOCSTART = "-DOCSTART-";
  private final Path path;
  private final IobScheme scheme;
  private final int limit;
  private final Tokenizer tokenizer;

  Conll2003Corpus(Path path, IobScheme scheme, int limit, Tokenizer tokenizer) {
    this.path = path;
    this.scheme = scheme;
    this.limit = limit;
    this.tokenizer = tokenizer;
  }

  @Override
  public Iterable<Example<Doc>> read() {
    return () -> new Records<>(path, limit, this::next);
  }

  private Example<Doc> next(LineReader lines) {
    List<String> words = new ArrayList<>();
    List<String> posTags = new ArrayList<>();
    List<String> iob = new ArrayList<>();
    int firstLine = 0;
    int columns = 0;
    String line;
    while ((line = lines.next()) != null) {
      String[] fields = line.strip().split("\\s+");
      if (line.isBlank() || fields[0].equals(DOCSTART)) {
        if (!words.isEmpty()) {
          break;
        }
        continue;
      }
      if (fields.length < 2) {
        throw new KilnException(ErrorCode.E322, path, lines.lineNumber(), "the line has no entity tag");
      }
      if (words.isEmpty()) {
        firstLine = lines.lineNumber();
        columns = fields.length;
      } else if (fields.length != columns) {
        throw new KilnException(ErrorCode.E322, path, lines.lineNumber(),
            "it has " + fields.length + " fields, but the sentence's first line (" + firstLine + ") has " + columns);
      }
      String tag = fields[fields.length - 1];
      if (!tag.equals("O") && !tag.matches("[BI]-\\S+")) {
        throw new KilnException(ErrorCode.E322, path, lines.lineNumber(),
            "\"" + tag + "\" is not an entity tag: the last field is O, or B- or I- followed by a label");
      }
      words.add(fields[0]);
      posTags.add(fields.length >= 3 ? fields[1] : null);
      iob.add(fields[fields.length - 1]);
    }
    if (words.isEmpty()) {
      return null;
    }
    Doc reference = Doc.ofWords(words);
    try {
      reference = reference.withEntityTags(Biluo.fromIob(iob, scheme));
    } catch (KilnException e) {
      throw new KilnException(ErrorCode.E322, path, firstLine, "the sentence starting here: " + e.getMessage());
    }
    if (!posTags.contains(null)) {
      reference = reference.withTags(posTags);
    }
    return TextExample.of(reference, tokenizer);
  }
}
