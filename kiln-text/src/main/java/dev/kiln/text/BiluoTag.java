package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;

/**
 * One parsed entity tag: {@code O}, {@code -} (unknown), or a BILUO/IOB move with a label.
 *
 * @param move one of {@code O - B I L U}
 * @param label the entity label, empty for {@code O} and {@code -}
 */
record BiluoTag(char move, String label) {
  static final BiluoTag OUTSIDE = new BiluoTag('O', "");
  static final BiluoTag MISSING = new BiluoTag('-', "");

  static BiluoTag parse(String tag) {
    if (tag.equals("O")) {
      return OUTSIDE;
    }
    if (tag.equals("-")) {
      return MISSING;
    }
    if (tag.length() < 3 || tag.charAt(1) != '-' || "BILU".indexOf(tag.charAt(0)) < 0) {
      throw new KilnException(ErrorCode.E306, tag);
    }
    return new BiluoTag(tag.charAt(0), tag.substring(2));
  }

  /** Whether this tag leaves an entity open, so the next must continue it. */
  boolean opens() {
    return move == 'B' || move == 'I';
  }

  /** Whether this tag may follow {@code previous} ({@code null} at the start of a sequence). */
  boolean mayFollow(BiluoTag previous) {
    if (move == '-' || previous != null && previous.move == '-') {
      return true;
    }
    boolean inside = previous != null && previous.opens();
    if (move == 'I' || move == 'L') {
      return inside && previous.label.equals(label);
    }
    return !inside;
  }

  /** Whether a sequence may end with this tag. */
  boolean mayEnd() {
    return !opens();
  }

  @Override
  public String toString() {
    return label.isEmpty() ? String.valueOf(move) : move + "-" + label;
  }
}
