package dev.kiln.text.tok2vec;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Ints;
import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * spaCy's {@code FeatureExtractor}: for each document, a (tokens × attributes) array of hashed
 * attribute strings, the keys the hash embeddings look up. Not differentiable.
 *
 * <p>A token's keys depend only on its text, so they are cached by text: computing a shape or
 * a lower-case form allocates, and most tokens of a corpus repeat. A document's keys are also
 * kept while the document lives (documents are immutable), as spaCy keeps attributes on the
 * lexemes a document points to: training sees the same documents every epoch, and looking up
 * each token's text again costs a hash-map probe per token.
 */
final class DocFeatures {
  /** Cached token texts before the cache starts again, so memory stays bounded on big corpora. */
  private static final int CACHE_LIMIT = 1 << 18;

  private DocFeatures() {}

  static Model<List<Doc>, List<Ints>> create(List<LexicalAttr> attrs) {
    LexicalAttr[] columns = attrs.toArray(new LexicalAttr[0]);
    Map<String, int[]> cache = new ConcurrentHashMap<>();
    // Weak keys compared by identity (Doc does not override equals), so a document's entry goes
    // with it; Ints are never written after construction, so one can be handed out again.
    Map<Doc, Ints> byDoc = Collections.synchronizedMap(new WeakHashMap<>());
    return Model.<List<Doc>, List<Ints>>builder("extract_features", (model, docs, isTrain) -> {
      List<Ints> out = new ArrayList<>(docs.size());
      for (Doc doc : docs) {
        Ints keys = byDoc.get(doc);
        if (keys == null) {
          // Computed outside the map's lock, so that a long document does not hold up the other
          // threads annotating meanwhile; two threads computing one document's keys get equal ones.
          keys = features(doc, columns, cache);
          byDoc.put(doc, keys);
        }
        out.add(keys);
      }
      return new ForwardResult<>(out, dY -> null);
    }).attr("columns", attrs.toString()).build();
  }

  private static Ints features(Doc doc, LexicalAttr[] columns, Map<String, int[]> cache) {
    int n = doc.length();
    int width = columns.length;
    int[] ids = new int[n * width];
    for (int i = 0; i < n; i++) {
      Token token = doc.token(i);
      int[] keys = cache.get(token.text());
      if (keys == null) {
        keys = keys(token, columns);
        if (cache.size() >= CACHE_LIMIT) {
          cache.clear();
        }
        cache.put(token.text(), keys);
      }
      System.arraycopy(keys, 0, ids, i * width, width);
    }
    return Ints.of(ids, n, width);
  }

  private static int[] keys(Token token, LexicalAttr[] columns) {
    int[] keys = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      keys[c] = hash(columns[c].of(token));
    }
    return keys;
  }

  /** 64-bit FNV-1a of the UTF-8 bytes, folded to 32 bits: a stable key for a string. */
  static int hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return (int) (h ^ (h >>> 32));
  }
}
