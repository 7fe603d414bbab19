package dev.kiln.text;

/**
 * A labelled run of tokens of a {@link Doc}, such as a named entity.
 *
 * @param start the index of the first token
 * @param end the index just past the last token (exclusive), greater than {@code start}
 * @param label the label, e.g. {@code PERSON}
 * @param text the covered document text, from the first token's start to the last token's end
 * @param startChar the character offset of the first token
 * @param endChar the character offset just past the last token
 */
public record Span(int start, int end, String label, String text, int startChar, int endChar) {
  public Span {
    if (end <= start) {
      throw new IllegalArgumentException("a span needs at least one token: " + start + ".." + end);
    }
  }

  /** The span's character offsets and label, the form readers and BILUO conversion use. */
  public CharSpan charSpan() {
    return new CharSpan(startChar, endChar, label);
  }
}
