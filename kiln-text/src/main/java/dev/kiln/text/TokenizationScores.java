package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * spaCy's {@code Scorer.score_tokenization}: how the predicted tokens match the reference
 * tokens of the same text. {@code token_acc} is the share of predicted tokens that overlap
 * exactly one reference token; {@code token_p}, {@code token_r} and {@code token_f} compare the
 * sets of token character spans. Whitespace tokens are left out. 0.0 when there are no tokens.
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
      Doc reference = example.reference();
      Set<Long> goldSpans = new HashSet<>();
      for (Token token : reference.tokens()) {
        if (!token.isSpace()) {
          goldSpans.add(key(token));
        }
      }
      gold += goldSpans.size();
      int r = 0;
      for (Token token : example.predicted().tokens()) {
        if (token.isSpace()) {
          continue;
        }
        predicted++;
        if (goldSpans.contains(key(token))) {
          matched++;
        }
        while (r < reference.length() && reference.token(r).endChar() <= token.idx()) {
          r++;
        }
        int overlaps = 0;
        for (int k = r; k < reference.length() && reference.token(k).idx() < token.endChar(); k++) {
          if (!reference.token(k).isSpace()) {
            overlaps++;
          }
        }
        if (overlaps == 1) {
          single++;
        }
      }
    }
    double p = predicted == 0 ? 0.0 : (double) matched / predicted;
    double rec = gold == 0 ? 0.0 : (double) matched / gold;
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("token_acc", predicted == 0 ? 0.0 : (double) single / predicted);
    scores.put("token_p", p);
    scores.put("token_r", rec);
    scores.put("token_f", p + rec == 0 ? 0.0 : 2 * p * rec / (p + rec));
    return scores;
  }

  private static long key(Token token) {
    return ((long) token.idx() << 32) | token.endChar();
  }
}
