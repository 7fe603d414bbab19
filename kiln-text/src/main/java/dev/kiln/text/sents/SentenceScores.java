package dev.kiln.text.sents;

import dev.kiln.text.Alignment;
import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.train.Example;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * spaCy's sentence scores {@code sents_p}, {@code sents_r} and {@code sents_f}
 * ({@code Scorer.score_spans} of {@code sents}): the predicted sentences that match a reference
 * sentence exactly. Each predicted sentence is carried to the reference tokens through the
 * {@link Alignment} of the two tokenizations ({@link Alignment#toReference}); one that starts or
 * ends inside a reference token aligns to no reference sentence and is left out, neither right
 * nor wrong, as in spaCy. Examples whose reference has no sentence starts are left out; with
 * none left, all three are 0, as spaCy's empty counts give.
 */
public final class SentenceScores {
  /** spaCy's default weights for the sentencizer: only F counts. */
  public static final Map<String, Double> DEFAULT_WEIGHTS = orderedWeights();

  private SentenceScores() {}

  /** The three scores over the examples whose reference has sentence starts. */
  public static Map<String, Object> of(List<Example<Doc>> examples) {
    long tp = 0;
    long predictedCount = 0;
    long goldCount = 0;
    for (Example<Doc> example : examples) {
      if (!example.reference().hasSentStarts()) {
        continue;
      }
      Set<Span> gold = new HashSet<>(example.reference().sentences());
      Set<Span> predicted = new HashSet<>();
      Alignment.of(example.predicted(), example.reference()).toReference(example.predicted().sentences())
          .forEach(sentence -> sentence.ifPresent(predicted::add));
      goldCount += gold.size();
      predictedCount += predicted.size();
      predicted.retainAll(gold);
      tp += predicted.size();
    }
    double p = predictedCount == 0 ? 0 : (double) tp / predictedCount;
    double r = goldCount == 0 ? 0 : (double) tp / goldCount;
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("sents_p", p);
    scores.put("sents_r", r);
    scores.put("sents_f", p + r == 0 ? 0.0 : 2 * p * r / (p + r));
    return scores;
  }

  private static Map<String, Double> orderedWeights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("sents_f", 1.0);
    weights.put("sents_p", 0.0);
    weights.put("sents_r", 0.0);
    return java.util.Collections.unmodifiableMap(weights);
  }
}
