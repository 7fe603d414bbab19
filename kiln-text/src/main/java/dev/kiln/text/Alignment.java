package dev.kiln.text;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which reference token each predicted token is, matched by character offsets: two
 * tokenizations of one text agree on a token when it covers the same characters in both.
 */
public final class Alignment {
  private final int[] referenceOf;

  private Alignment(int[] referenceOf) {
    this.referenceOf = referenceOf;
  }

  /** Aligns the tokens of two documents of the same text. */
  public static Alignment of(Doc predicted, Doc reference) {
    Map<Long, Integer> byOffsets = new HashMap<>();
    for (Token token : reference.tokens()) {
      byOffsets.put(key(token), token.i());
    }
    int[] referenceOf = new int[predicted.length()];
    for (Token token : predicted.tokens()) {
      referenceOf[token.i()] = byOffsets.getOrDefault(key(token), -1);
    }
    return new Alignment(referenceOf);
  }

  /** The reference token covering exactly the characters of predicted token {@code i}, if any. */
  public OptionalInt referenceToken(int i) {
    return referenceOf[i] < 0 ? OptionalInt.empty() : OptionalInt.of(referenceOf[i]);
  }

  private static long key(Token token) {
    return ((long) token.idx() << 32) | token.endChar();
  }
}
