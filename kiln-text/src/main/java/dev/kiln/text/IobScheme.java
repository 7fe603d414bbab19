package dev.kiln.text;

/** The two IOB tagging schemes of CoNLL files. */
public enum IobScheme {
  /** CoNLL-2003's original: {@code I-} starts an entity; {@code B-} only where one ends right before another of the same label. */
  IOB1,
  /** Every entity starts with {@code B-}. */
  IOB2
}
