package dev.kiln.train;

/**
 * A value quoted in a coded message, cut short when long: a reader's message quotes the cell or
 * value it refuses, and a cell of a million characters made a message of a megabyte.
 */
public final class Excerpt {
  private static final int LONGEST = 80;
  private static final int KEPT = 60;

  private Excerpt() {}

  /** {@code value} as text, or its first 60 characters, "...", and how long it is. */
  public static String of(Object value) {
    String text = String.valueOf(value);
    if (text.length() <= LONGEST) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(KEPT - 1)) ? KEPT - 1 : KEPT;
    return text.substring(0, end) + "... (" + text.length() + " characters)";
  }
}
