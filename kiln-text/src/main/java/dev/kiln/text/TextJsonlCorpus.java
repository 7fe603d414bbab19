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

  TextJsonlCorpus(Path path, int limit, Tokenizer tokenizer) {
    this.path = path;
    this.limit = limit;
    this.tokenizer = tokenizer;
  }

  @Override
  public Iterable<Example<Doc>> read() {
    return () -> new Records<>(path, limit, this::next);
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
        return TextExample.of(reference, tokenizer);
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
