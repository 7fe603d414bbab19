package dev.kiln.text;

import dev.kiln.train.Example;
import java.nio.file.Path;

/**
 * Annotated texts from JSONL, one object per line ({@link JsonlDoc} lists the keys), streamed:
 * every pass reads the file again, holding one line at a time. Inspection reads the same lines
 * but keeps overlapping entity spans for the report.
 */
final class TextJsonlCorpus implements InspectableCorpus {
  private final Path path;
  private final int limit;
  private final Tokenizer tokenizer;

  /** For prediction: the predicted doc keeps the record's own words rather than the tokenizer's. */
  private final boolean givenWords;

  TextJsonlCorpus(Path path, int limit, Tokenizer tokenizer) {
    this(path, limit, tokenizer, false);
  }

  private TextJsonlCorpus(Path path, int limit, Tokenizer tokenizer, boolean givenWords) {
    this.path = path;
    this.limit = limit;
    this.tokenizer = tokenizer;
    this.givenWords = givenWords;
  }

  @Override
  public Iterable<Example<Doc>> read() {
    return () -> new Records<>(path, limit, this::next);
  }

  /**
   * For {@code kiln predict}: each predicted doc has the tokens the record gave as {@code words}
   * (the tokenizer's when it gave only {@code text}), so that a tagger tags the user's words, and
   * the record's other keys ({@code "id"}), so that its prediction names its input.
   * Training and evaluation re-tokenize the text and align, as spaCy's examples do.
   */
  @Override
  public TextJsonlCorpus unlabeled() {
    return new TextJsonlCorpus(path, limit, tokenizer, true);
  }

  @Override
  public Iterable<InspectedDoc> inspect() {
    return () -> new Records<>(path, limit, this::nextInspected);
  }

  private Example<Doc> next(LineReader lines) {
    String line;
    while ((line = lines.next()) != null) {
      if (!line.isBlank()) {
        Doc reference = new JsonlDoc(path, lines.lineNumber(), tokenizer).parse(line);
        return givenWords ? new Example<>(Doc.of(reference.text(), reference.tokens()).withExtras(reference.extras()), reference)
            : TextExample.of(reference, tokenizer);
      }
    }
    return null;
  }

  private InspectedDoc nextInspected(LineReader lines) {
    String line;
    while ((line = lines.next()) != null) {
      if (!line.isBlank()) {
        return JsonlDoc.inspect(path, lines.lineNumber(), tokenizer, line);
      }
    }
    return null;
  }
}
