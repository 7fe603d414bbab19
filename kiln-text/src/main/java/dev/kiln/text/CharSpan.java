package dev.kiln.text;

/**
 * A labelled range of characters of a text, as annotations are written in JSONL
 * ({@code [start, end, label]}), before it is matched to tokens. Its offsets are indices into
 * the Java string, as {@link Token#idx()} is; data files and messages count code points
 * instead ({@link #inCodePoints}).
 *
 * @param start the UTF-16 index of the first character
 * @param end the UTF-16 index just past the last character (exclusive)
 * @param label the label
 */
public record CharSpan(int start, int end, String label) {
  /**
   * This span of {@code text} with its offsets counted in code points, as the user's file counts
   * them (Python's and spaCy's offsets): after an emoji, which takes two UTF-16 units, the two
   * counts differ, so every offset a message shows goes through here.
   */
  public CharSpan inCodePoints(String text) {
    return new CharSpan(CodePoints.toOffset(text, start), CodePoints.toOffset(text, end), label);
  }

  /** Whether the two ranges share at least one character. */
  public boolean overlaps(CharSpan other) {
    return start < other.end && other.start < end;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ", " + label + "]";
  }
}
