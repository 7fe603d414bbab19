package dev.kiln.text;

/**
 * A labelled range of characters of a text, as annotations are written in JSONL
 * ({@code [start, end, label]}), before it is matched to tokens.
 *
 * @param start the offset of the first character
 * @param end the offset just past the last character (exclusive)
 * @param label the label
 */
public record CharSpan(int start, int end, String label) {
  /** Whether the two ranges share at least one character. */
  public boolean overlaps(CharSpan other) {
    return start < other.end && other.start < end;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ", " + label + "]";
  }
}
