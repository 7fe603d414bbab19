package dev.kiln.config;

import java.util.Map;
import java.util.Optional;

/**
 * Registered names that spaCy's generated configs use and kiln deliberately does not have, each
 * with what to write instead, so a spaCy user's first run says what to change (E084) rather than
 * only that the name is unknown.
 */
final class SpacyNames {
  private static final String PARSER = "kiln's ner is a BILUO tagger, not a transition-based parser. Write"
      + " @architectures = \"kiln.BiluoTagger.v1\" with the same tok2vec and nO, and remove"
      + " state_type, extra_state_tokens, hidden_width, maxout_pieces and use_upper (and from"
      + " [components.ner] the parser's moves, update_with_oracle_cut_size and incorrect_spans_key)";

  private static final Map<String, String> INSTEAD = Map.of(
      "readers spacy.Corpus.v1",
      "it reads spaCy's binary .spacy (DocBin) files, which kiln cannot read. Export the data"
          + " as JSONL, one object per Doc with \"text\" and any of \"cats\", \"entities\""
          + " ([[ent.start_char, ent.end_char, ent.label_], ...]), \"words\" and \"tags\", and"
          + " read it with @readers = \"kiln.TextJsonl.v1\" (its arguments are path and limit;"
          + " remove max_length, gold_preproc and augmenter). kiln convert turns CoNLL-U and"
          + " CoNLL-2003 files into that JSONL",
      "readers spacy.JsonlCorpus.v1",
      "kiln has no pretraining. To train on {\"text\": ...} lines, read them with"
          + " @readers = \"kiln.TextJsonl.v1\" (path and limit)",
      "architectures spacy.TransitionBasedParser.v2",
      PARSER,
      "architectures spacy.TransitionBasedParser.v1",
      PARSER);

  private SpacyNames() {}

  /** What to write instead of spaCy's {@code name} in {@code category}, if kiln knows it. */
  static Optional<String> instead(String category, String name) {
    return Optional.ofNullable(INSTEAD.get(category + " " + name));
  }
}
