package dev.kiln.text.tagger;

import dev.kiln.text.Alignment;
import dev.kiln.text.Doc;
import dev.kiln.train.Example;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * spaCy's {@code tag_acc} ({@code Scorer.score_token_attr}): the F-score of the predicted
 * (reference token, tag) pairs against the reference ones. The reference pairs are its tokens
 * with a known tag. A predicted token makes a pair with the one reference token it aligns to,
 * unless it is whitespace, aligns to none or several, or that token's tag is unknown; the pairs
 * are a set, so the pieces of a split reference token count once if they agree and as several
 * wrong guesses if not. With the same tokenization on both sides it is the share of tokens
 * tagged right. 0.0 when nothing is counted (spaCy gives null).
 */
final class TagScores {
  private TagScores() {}

  static double tagAccuracy(List<Example<Doc>> examples) {
    long gold = 0;
    long guessed = 0;
    long right = 0;
    for (Example<Doc> example : examples) {
      Doc reference = example.reference();
      Doc predicted = example.predicted();
      Set<Pair> goldPairs = new HashSet<>();
      for (int r = 0; r < reference.length(); r++) {
        if (reference.hasTags() && !Tagger.isMissing(reference.tags().get(r))) {
          goldPairs.add(new Pair(r, reference.tags().get(r)));
        }
      }
      Set<Pair> guesses = new HashSet<>();
      Alignment alignment = Alignment.of(predicted, reference);
      for (int i = 0; i < predicted.length(); i++) {
        OptionalInt r = alignment.referenceToken(i);
        if (!predicted.token(i).isSpace() && r.isPresent() && reference.hasTags()
            && !Tagger.isMissing(reference.tags().get(r.getAsInt()))) {
          guesses.add(new Pair(r.getAsInt(), predicted.hasTags() ? predicted.tags().get(i) : ""));
        }
      }
      gold += goldPairs.size();
      guessed += guesses.size();
      guesses.retainAll(goldPairs);
      right += guesses.size();
    }
    double p = guessed == 0 ? 0.0 : (double) right / guessed;
    double rec = gold == 0 ? 0.0 : (double) right / gold;
    return p + rec == 0 ? 0.0 : 2 * p * rec / (p + rec);
  }

  /** A tag given to a reference token. */
  private record Pair(int token, String tag) {}
}
