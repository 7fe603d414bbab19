package dev.kiln.text;

/**
 * One token of a {@link Doc}: its text, where it starts in the document and whether a space
 * follows it, with the lexical attributes the models embed.
 *
 * @param i the position of the token in its document, from 0
 * @param text the token's characters, never empty
 * @param idx the character offset of the token's first character in the document text
 * @param whitespace whether one space follows the token in the document text
 */
public record Token(int i, String text, int idx, boolean whitespace) {
  /** The character offset just past the token's last character. */
  public int endChar() {
    return idx + text.length();
  }

  /** The lower-case form. */
  public String lower() {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** The normalised form: lower case with typographic quotes made plain, as spaCy's norm does. */
  public String norm() {
    return lower().replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"');
  }

  /** The first character (a whole code point, so a surrogate pair is not cut). */
  public String prefix() {
    return text.substring(0, text.offsetByCodePoints(0, 1));
  }

  /** The last three characters, or the whole text when shorter (code points, not UTF-16 units). */
  public String suffix() {
    int count = text.codePointCount(0, text.length());
    return count <= 3 ? text : text.substring(text.offsetByCodePoints(0, count - 3));
  }

  /** The word shape, e.g. {@code Xxxxx} for "Hello", {@code dd.d} for "12.5" (see {@link WordShape}). */
  public String shape() {
    return WordShape.of(text);
  }

  /** Whether the token is only whitespace (the extra spaces and line breaks between words). */
  public boolean isSpace() {
    return text.codePoints().allMatch(Character::isWhitespace);
  }
}
