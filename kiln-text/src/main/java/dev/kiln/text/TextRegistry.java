package dev.kiln.text;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.train.Corpus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The registered readers of text. Each returns examples whose predicted side is the default tokenizer's. */
public final class TextRegistry {
  private TextRegistry() {}

  /**
   * Annotated texts, one JSON object per line: {@code {"text", "cats"}},
   * {@code {"text", "entities": [[start, end, label]]}}, {@code {"words", "tags"}} and their
   * combinations (also {@code spaces}, {@code sent_starts}).
   *
   * @param path the file; null (as in a generated config's {@code [paths]} before they are
   *     set) makes a corpus that refuses to be read, with a message saying how to set it
   * @param limit the most documents a pass reads; 0 for all
   */
  @Registered(category = "readers", name = "kiln.TextJsonl.v1")
  public static Corpus<Doc> textJsonl(Optional<Path> path, @Default("0") int limit) {
    return path.<Corpus<Doc>>map(file -> textJsonl(file, limit)).orElseGet(() -> new UnsetPathCorpus("kiln.TextJsonl.v1"));
  }

  /** The annotated texts of a JSONL file (see the registered form, which also takes null). */
  public static Corpus<Doc> textJsonl(Path path, int limit) {
    if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".spacy")) {
      throw new RejectedArgument("path", ErrorCode.E415, path);
    }
    return new TextJsonlCorpus(path, Corpus.limit(limit), new Tokenizer());
  }

  /**
   * Sentences of a CoNLL-U file with their part-of-speech tags.
   *
   * @param tagField {@code "upos"} (universal tags) or {@code "xpos"} (language-specific; a word
   *     without XPOS takes its UPOS, as in spaCy's converter, with warning {@code W305})
   * @param limit the most sentences a pass reads; 0 for all
   */
  @Registered(category = "readers", name = "kiln.ConllU.v1")
  public static Corpus<Doc> conllU(Path path, @Name("tag_field") @Default("\"upos\"") ConllTagField tagField,
      @Default("0") int limit) {
    return new ConllUCorpus(path, tagField, Corpus.limit(limit), new Tokenizer());
  }

  /**
   * Sentences of a CoNLL-2003 named-entity file.
   *
   * @param scheme {@code "iob1"} (the original CoNLL-2003 files) or {@code "iob2"}
   * @param limit the most sentences a pass reads; 0 for all
   */
  @Registered(category = "readers", name = "kiln.Conll2003.v1")
  public static Corpus<Doc> conll2003(Path path, @Default("\"iob1\"") IobScheme scheme, @Default("0") int limit) {
    return new Conll2003Corpus(path, scheme, Corpus.limit(limit), new Tokenizer());
  }
}
