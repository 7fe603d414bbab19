package dev.kiln.text.tagger;

import dev.kiln.text.Alignment;
import dev.kiln.text.Doc;
import dev.kiln.train.Example;
import java.util.List;
import java.util.OptionalInt;

/**
 * spaCy's {@code tag_acc}: the F-score of (reference token, tag) pairs, over predicted tokens
 * that cover exactly one reference token with a known tag; with the same tokenization on both
 * sides it is the share of tokens tagged right. 0.0 when no reference token has a tag.
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
      if (!reference.hasTags()) {
        continue;
      }
      for (int r = 0; r < reference.length(); r++) {
        if (!reference.token(r).isSpace() && !Tagger.isMissing(reference.tags().get(r))) {
          gold++;
        }
      }
      if (!predicted.hasTags()) {
        continue;
      }
      Alignment alignment = Alignment.of(predicted, reference);
      for (int i = 0; i < predicted.length(); i++) {
        OptionalInt r = alignment.referenceToken(i);
        if (predicted.token(i).isSpace() || r.isEmpty() || Tagger.isMissing(reference.tags().get(r.getAsInt()))
            || Tagger.isMissing(predicted.tags().get(i))) {
          continue;
        }
        guessed++;
        if (predicted.tags().get(i).equals(reference.tags().get(r.getAsInt()))) {
          right++;
        }
      }
    }
    double p = guessed == 0 ? 0.0 : (double) right / guessed;
    double rec = gold == 0 ? 0.0 : (double) right / gold;
    return p + rec == 0 ? 0.0 : 2 * p * rec / (p + rec);
  }
}
