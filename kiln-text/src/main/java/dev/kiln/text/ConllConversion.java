package dev.kiln.text;

import dev.kiln.train.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CoNLL files as kiln's text JSONL ({@code kiln convert}): each sentence becomes one record of
 * {@code text}, {@code words}, {@code spaces}, and {@code tags} and {@code entities} (as character
 * spans) when the file has them, which {@code kiln.TextJsonl.v1} reads back to the same document.
 */
public final class ConllConversion {
  private ConllConversion() {}

  /**
   * The sentences of a CoNLL file, read as {@code kiln.ConllU.v1} or
   * {@code kiln.Conll2003.v1} read them, streamed; a malformed line fails with a coded message
   * naming the file and line when the iteration reaches it.
   *
   * @param scheme the IOB scheme of CoNLL-2003 entity tags; unused for CoNLL-U
   * @param tagField the CoNLL-U column read as tags; unused for CoNLL-2003
   */
  public static Iterable<Doc> read(Path path, ConllFormat format, IobScheme scheme,
      ConllTagField tagField) {
    Tokenizer tokenizer = new Tokenizer();
    Corpus<Doc> corpus = format == ConllFormat.CONLLU
        ? new ConllUCorpus(path, tagField, 0, tokenizer)
        : new Conll2003Corpus(path, scheme, 0, tokenizer);
    return () -> {
      Iterator<dev.kiln.train.Example<Doc>> examples = corpus.read().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return examples.hasNext();
        }

        @Override
        public Doc next() {
          return examples.next().reference();
        }
      };
    };
  }

  /** One JSONL record of a document: its text, words, spaces, and its tags and entities if annotated. */
  public static Map<String, Object> record(Doc doc) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("text", doc.text());
    json.put("words", doc.tokens().stream().map(Token::text).toList());
    json.put("spaces", doc.tokens().stream().map(Token::whitespace).toList());
    if (doc.hasTags()) {
      json.put("tags", doc.tags());
    }
    if (doc.hasEntities()) {
      List<List<Object>> spans = new ArrayList<>();
      String text = doc.text();
      for (Span span : doc.entities()) {
        spans.add(List.of(CodePoints.toOffset(text, span.startChar()), CodePoints.toOffset(text, span.endChar()), span.label()));
      }
      json.put("entities", spans);
    }
    return json;
  }
}
