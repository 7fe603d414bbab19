package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * spaCy's {@code Scorer.score_tokenization}: how the predicted tokens match the reference
 * tokens of the same text. {@code token_acc} counts the predicted tokens that align to exactly
 * one reference token ({@link Alignment}) as right and the others as wrong, and is, as in spaCy,
 * the F-score of those counts with no misses: 2a / (1 + a) for the share a of right tokens.
 * {@code token_p}, {@code token_r} and {@code token_f} compare the sets of token character
 * spans. Whitespace tokens are left out. 0.0 when there are no tokens (spaCy gives null).
 */
public final class TokenizationScores {
  private TokenizationScores() {}

  /** {@code token_acc}, {@code token_p}, {@code token_r}, {@code token_f}. */
  public static Map<String, Object> of(List<Example<Doc>> examples) {
    long single = 0;
    long predicted = 0;
    long gold = 0;
    long matched = 0;
    for (Example<Doc> example : examples) {
      Set<Long> goldSpans = new HashSet<>();
      for (Token token : example.reference().tokens()) {
        if (!token.isSpace()) {
          goldSpans.add(key(token));
        }
      }
      gold += goldSpans.size();
      Alignment alignment = Alignment.of(example.predicted(), example.reference());
      for (Token token : example.predicted().tokens()) {
        if (token.isSpace()) {
          continue;
        }
        predicted++;
        if (goldSpans.contains(key(token))) {
          matched++;
        }
        if (alignment.referenceToken(token.i()).isPresent()) {
          single++;
        }
      }
    }
    double p = predicted == 0 ? 0.0 : (double) matched / predicted;
    double rec = gold == 0 ? 0.0 : (double) matched / gold;
    double accuracy = predicted == 0 ? 0.0 : (double) single / predicted;
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("token_acc", f(accuracy, single == 0 ? 0.0 : 1.0));
    scores.put("token_p", p);
    scores.put("token_r", rec);
    scores.put("token_f", f(p, rec));
    return scores;
  }

  private static double f(double p, double r) {
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  private static long key(Token token) {
    return ((long) token.idx() << 32) | token.endChar();
  }
}
