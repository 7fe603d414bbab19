package dev.kiln.text;

/** Which CoNLL-U column gives the tags: the universal or the language-specific part of speech. */
public enum ConllTagField {
  UPOS(3),
  XPOS(4);

  private final int column;

  ConllTagField(int column) {
    this.column = column;
  }

  /** The 0-based column of the field in a token line. */
  int column() {
    return column;
  }
}
