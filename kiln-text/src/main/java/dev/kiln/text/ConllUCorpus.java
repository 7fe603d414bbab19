package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentences of a CoNLL-U treebank, one document each, with their words, spacing
 * ({@code SpaceAfter=No}), part-of-speech tags and a sentence start; streamed per pass.
 * The words are the tokens. A multi-word token ({@code 2-3 don't} over {@code 2 do} and
 * {@code 3 n't}) joins its words without spaces and takes the space after it from its own line,
 * so "I don't know." stays that text; empty nodes ({@code 1.1}) are skipped. Word ids must count
 * 1, 2, 3 ... in each sentence, and a multi-word token's range must end within its sentence and
 * overlap no other. With XPOS tags, a word whose XPOS is {@code _} takes its UPOS, as spaCy's
 * converter does, logged once per corpus as warning {@code W305}.
 */
final class ConllUCorpus implements Corpus<Doc> {
  private static final Logger LOG = LoggerFactory.getLogger(ConllUCorpus.class);
  private static final int FIELDS = 10;
  private final Path path;
  private final ConllTagField tagField;
  private final int limit;
  private final Tokenizer tokenizer;
  private final AtomicBoolean warnedNoXpos = new AtomicBoolean();

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
    int multiwordEnd = 0;
    int multiwordLine = 0;
    String multiwordId = null;
    boolean spaceAfterMultiword = true;
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
      if (fields[0].matches("\\d+\\.\\d+")) {
        continue; // an empty node of enhanced dependencies: no word of the text
      }
      int expected = words.size() + 1;
      if (fields[0].matches("\\d{1,9}-\\d{1,9}")) {
        String[] range = fields[0].split("-");
        if (Integer.parseInt(range[0]) != expected || Integer.parseInt(range[1]) <= expected) {
          throw new KilnException(ErrorCode.E321, path, lines.lineNumber(),
              "the multi-word token " + fields[0] + " should span words " + expected + " and after");
        }
        if (expected <= multiwordEnd) {
          throw new KilnException(ErrorCode.E321, path, lines.lineNumber(), "the multi-word token " + fields[0] + " overlaps "
              + multiwordId + " (line " + multiwordLine + "): a word belongs to one multi-word token at most");
        }
        multiwordEnd = Integer.parseInt(range[1]);
        multiwordLine = lines.lineNumber();
        multiwordId = fields[0];
        spaceAfterMultiword = !fields[9].contains("SpaceAfter=No");
        continue;
      }
      if (!fields[0].equals(Integer.toString(expected))) {
        throw new KilnException(ErrorCode.E321, path, lines.lineNumber(),
            "the word id (ID) is \"" + fields[0] + "\" where " + expected + " comes next");
      }
      if (fields[1].isEmpty()) {
        throw new KilnException(ErrorCode.E321, path, lines.lineNumber(), "the word (FORM) is empty");
      }
      words.add(fields[1]);
      boolean insideMultiword = expected <= multiwordEnd;
      spaces.add(insideMultiword ? expected == multiwordEnd && spaceAfterMultiword : !fields[9].contains("SpaceAfter=No"));
      tags.add(tag(fields, lines.lineNumber()));
    }
    if (words.isEmpty()) {
      return null;
    }
    if (multiwordEnd > words.size()) {
      throw new KilnException(ErrorCode.E321, path, multiwordLine, "the multi-word token " + multiwordId
          + " ends at word " + multiwordEnd + ", but its sentence has " + words.size() + " words");
    }
    spaces.set(spaces.size() - 1, false);
    List<Boolean> starts = new ArrayList<>();
    words.forEach(w -> starts.add(starts.isEmpty()));
    Doc reference = Doc.ofWords(words, spaces).withTags(tags).withSentStarts(starts);
    return TextExample.of(reference, tokenizer);
  }

  /**
   * The word's tag from the chosen column. spaCy's converter gives a word without XPOS its UPOS
   * ({@code tag = pos if tag == "_"}), so a treebank without XPOS is tagged with UPOS there;
   * silently, the tags would all be {@code _}, which is unknown, and the tagger would find none.
   */
  private String tag(String[] fields, int line) {
    String tag = fields[tagField.column()];
    String upos = fields[ConllTagField.UPOS.column()];
    if (tagField == ConllTagField.XPOS && tag.equals("_") && !upos.equals("_")) {
      if (warnedNoXpos.compareAndSet(false, true)) {
        LOG.warn(TextWarning.W305.format(path, line, fields[1], upos));
      }
      return upos;
    }
    return tag;
  }
}
