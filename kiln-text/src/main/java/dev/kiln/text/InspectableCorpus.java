package dev.kiln.text;

import dev.kiln.train.Corpus;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus capability: reading the documents for inspection, keeping annotations training would
 * refuse (overlapping entity spans) so that {@code kiln debug data} can report them all.
 */
public interface InspectableCorpus extends Corpus<Doc> {
  /** A fresh pass over the documents with their entity spans as written. */
  Iterable<InspectedDoc> inspect();

  /** The documents of any text corpus: inspected if it can be, else as its examples, numbered from 1. */
  static Iterable<InspectedDoc> inspect(Corpus<Doc> corpus) {
    if (corpus instanceof InspectableCorpus inspectable) {
      return inspectable.inspect();
    }
    List<InspectedDoc> docs = new ArrayList<>();
    corpus.read().forEach(example -> docs.add(InspectedDoc.of(example, docs.size() + 1)));
    return docs;
  }
}
