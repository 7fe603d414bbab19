package dev.kiln.text;

/**
 * spaCy's word shape: upper-case letters become {@code X}, other letters {@code x}, digits
 * {@code d}, anything else stays; a run of one shape character is cut at four, so that long
 * words share a shape ("Hello" and "Helloworld" are both {@code Xxxxx}).
 */
final class WordShape {
  private static final int MAX_RUN = 4;

  private WordShape() {}

  static String of(String text) {
    StringBuilder shape = new StringBuilder();
    int last = -1;
    int run = 0;
    for (int offset = 0; offset < text.length(); ) {
      int c = text.codePointAt(offset);
      offset += Character.charCount(c);
      int mapped = Character.isLetter(c) ? (Character.isUpperCase(c) || Character.isTitleCase(c) ? 'X' : 'x')
          : Character.isDigit(c) ? 'd' : c;
      run = mapped == last ? run + 1 : 1;
      last = mapped;
      if (run <= MAX_RUN) {
        shape.appendCodePoint(mapped);
      }
    }
    return shape.toString();
  }
}
