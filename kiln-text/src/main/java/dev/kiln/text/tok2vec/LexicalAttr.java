package dev.kiln.text.tok2vec;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.text.Token;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** A token attribute the hash embeddings read, under spaCy's attribute names. */
public enum LexicalAttr {
  ORTH(Token::text),
  LOWER(Token::lower),
  NORM(Token::norm),
  PREFIX(Token::prefix),
  SUFFIX(Token::suffix),
  SHAPE(Token::shape);

  private final Function<Token, String> value;

  LexicalAttr(Function<Token, String> value) {
    this.value = value;
  }

  /** The attribute's string for a token, e.g. {@code Xxxxx} for the SHAPE of "Hello". */
  public String of(Token token) {
    return value.apply(token);
  }

  /**
   * The attribute a config names, in any case ({@code "NORM"}, {@code "norm"}).
   *
   * @throws KilnException E309 for a name that is not an attribute
   */
  public static LexicalAttr parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new KilnException(ErrorCode.E309, name, Arrays.toString(values()));
    }
  }
}
