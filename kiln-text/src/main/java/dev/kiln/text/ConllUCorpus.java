package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences of a CoNLL-U treebank, one document each, with their words, spacing
 * ({@code SpaceAfter=No}), part-of-speech tags and a sentence start; streamed per pass.
 * Multi-word token ranges ({@code 1-2}) and empty nodes ({@code 1.1}) are skipped: the words
 * are the tokens.
 */
final class ConllUCorpus implements Corpus<Doc> {
  private static final int FIELDS = 10;
  private final Path path;
  private final ConllTagField tagField;
  private final int limit;
  private final Tokenizer tokenizer;

  ConllUCorpus(Path path, ConllTagField tagField, int limit, Tokenizer tokenizer) {
    this.path = path;
    this.tagField = tagField;
    this.limit = limit;
    this.tokenizer = tokenizer;
  }

  @Override
  public Iterable<Example<Doc>> read() {
    return () -> new Records<>(path, limit, this::next);
  }

  private Example<Doc> next(LineReader lines) {
    List<String> words = new ArrayList<>();
    List<Boolean> spaces = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String line;
    while ((line = lines.next()) != null) {
      if (line.isBlank()) {
        if (!words.isEmpty()) {
          break;
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != FIELDS) {
        throw new KilnException(ErrorCode.E321, path, lines.lineNumber(), "found " + fields.length + " fields");
      }
      if (fields[0].contains("-") || fields[0].contains(".")) {
        continue;
      }
      if (fields[1].isEmpty()) {
        throw new KilnException(ErrorCode.E321, path, lines.lineNumber(), "the word (FORM) is empty");
      }
      words.add(fields[1]);
      spaces.add(!fields[9].contains("SpaceAfter=No"));
      tags.add(fields[tagField.column()]);
    }
    if (words.isEmpty()) {
      return null;
    }
    spaces.set(spaces.size() - 1, false);
    List<Boolean> starts = new ArrayList<>();
    words.forEach(w -> starts.add(starts.isEmpty()));
    Doc reference = Doc.ofWords(words, spaces).withTags(tags).withSentStarts(starts);
    return TextExample.of(reference, tokenizer);
  }
}
