package dev.kiln.text.sents;

import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import dev.kiln.train.Annotator;
import dev.kiln.train.Example;
import dev.kiln.train.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * spaCy's rule-based {@code sentencizer}: a sentence ends after a run of sentence-final
 * punctuation ({@code punct_chars}), and the next token that is not punctuation starts the next
 * one. Not trainable, so the training loop only runs it and scores it ({@code sents_p/r/f}).
 */
public final class Sentencizer implements Annotator<Doc>, Scorer<Doc> {
  private final String name;
  private final Set<String> punctChars;
  private final boolean overwrite;

  Sentencizer(String name, List<String> punctChars, boolean overwrite) {
    this.name = name;
    this.punctChars = Set.copyOf(punctChars);
    this.overwrite = overwrite;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Doc> annotate(List<Doc> docs) {
    List<Doc> annotated = new ArrayList<>(docs.size());
    for (Doc doc : docs) {
      annotated.add(doc.hasSentStarts() && !overwrite ? doc : doc.withSentStarts(sentStarts(doc)));
    }
    return annotated;
  }

  /** One flag per token: the first token, and the first non-punctuation token after sentence-final punctuation. */
  List<Boolean> sentStarts(Doc doc) {
    List<Boolean> starts = new ArrayList<>(doc.length());
    boolean seenEnd = false;
    for (Token token : doc.tokens()) {
      boolean isEnd = punctChars.contains(token.text());
      if (token.i() == 0 || (seenEnd && !isEnd && !isPunct(token))) {
        starts.add(true);
        seenEnd = false;
      } else {
        starts.add(false);
      }
      seenEnd |= isEnd;
    }
    return starts;
  }

  /** Closing quotes and brackets after the full stop ({@code ."} or {@code !)}) stay in the sentence. */
  private static boolean isPunct(Token token) {
    return token.text().codePoints().allMatch(c -> switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    });
  }

  @Override
  public Map<String, Object> score(List<Example<Doc>> examples) {
    return SentenceScores.of(examples);
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return SentenceScores.DEFAULT_WEIGHTS;
  }
}
