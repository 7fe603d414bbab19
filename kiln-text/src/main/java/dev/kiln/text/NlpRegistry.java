package dev.kiln.text;

import dev.kiln.config.Registered;

/**
 * The {@code [nlp]} settings every spaCy config holds, registered so that those configs resolve:
 * {@code tokenizer} (spaCy's rule-based tokenizer, for which kiln always uses its own
 * {@link Tokenizer}) and, since spaCy 3.7, {@code vectors} (an empty table, as kiln has no static
 * vectors). Another tokenizer or vectors table is not registered, so naming one is an error.
 */
public final class NlpRegistry {
  private NlpRegistry() {}

  /** An empty table of static vectors: what spaCy's {@code spacy.Vectors.v1} makes before {@code [initialize] vectors}. */
  public record EmptyVectors() {}

  /** spaCy's rule-based tokenizer: kiln's {@link Tokenizer}, which follows its rules. */
  @Registered(category = "tokenizers", name = "spacy.Tokenizer.v1")
  public static Tokenizer spacyTokenizer() {
    return new Tokenizer();
  }

  /** spaCy's default vectors table, empty; kiln refuses to fill it ({@code [initialize] vectors}, E255). */
  @Registered(category = "vectors", name = "spacy.Vectors.v1")
  public static EmptyVectors spacyVectors() {
    return new EmptyVectors();
  }
}
