package dev.kiln.text.ner;

import dev.kiln.text.CharSpan;
import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.text.Token;
import dev.kiln.train.Example;
import dev.kiln.train.Scorer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * spaCy's entity scores: {@code ents_p}, {@code ents_r}, {@code ents_f} and
 * {@code ents_per_type} ({@code {label: {p, r, f}}}), counting a predicted entity as right only
 * when a reference entity has exactly its characters and label.
 *
 * <p>Entities are compared by character offsets, so the two documents may be tokenized
 * differently. What the reference does not annotate does not count: examples whose reference has
 * no entity annotation are skipped, and a predicted entity touching a reference token of unknown
 * tag ({@code -}) is neither right nor wrong. With nothing to count the scores are 0.0 (spaCy
 * gives null), so that they can always be weighted.
 */
public final class EntityScores {
  private EntityScores() {}

  /** The scores of the predicted entities of {@code examples} against their references. */
  public static Map<String, Object> of(List<Example<Doc>> examples) {
    Map<String, long[]> counts = new TreeMap<>();
    long[] total = new long[3];
    for (Example<Doc> example : examples) {
      Doc reference = example.reference();
      if (!reference.hasEntities()) {
        continue;
      }
      Set<CharSpan> gold = new HashSet<>(charSpans(reference.entities()));
      List<int[]> unknown = unknownRanges(reference);
      Set<CharSpan> predicted = new HashSet<>();
      for (CharSpan span : charSpans(example.predicted().entities())) {
        if (unknown.stream().noneMatch(range -> range[0] < span.end() && span.start() < range[1])) {
          predicted.add(span);
        }
      }
      for (CharSpan span : predicted) {
        count(counts, total, span.label(), gold.contains(span) ? 0 : 1);
      }
      for (CharSpan span : gold) {
        if (!predicted.contains(span)) {
          count(counts, total, span.label(), 2);
        }
      }
    }
    Map<String, Object> perType = new LinkedHashMap<>();
    counts.forEach((label, c) -> perType.put(label, prf(c)));
    Map<String, Double> overall = prf(total);
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("ents_p", overall.get("p"));
    scores.put("ents_r", overall.get("r"));
    scores.put("ents_f", overall.get("f"));
    scores.put("ents_per_type", perType);
    return scores;
  }

  private static List<CharSpan> charSpans(List<Span> spans) {
    return spans.stream().map(Span::charSpan).toList();
  }

  /** The character ranges of the reference tokens whose entity tag is unknown. */
  private static List<int[]> unknownRanges(Doc reference) {
    List<int[]> ranges = new ArrayList<>();
    for (Token token : reference.tokens()) {
      if (reference.entityTags().get(token.i()).equals("-")) {
        ranges.add(new int[] {token.idx(), token.endChar()});
      }
    }
    return ranges;
  }

  /** Adds one to true positives (0), false positives (1) or false negatives (2). */
  private static void count(Map<String, long[]> counts, long[] total, String label, int which) {
    counts.computeIfAbsent(label, l -> new long[3])[which]++;
    total[which]++;
  }

  private static Map<String, Double> prf(long[] c) {
    double p = c[0] + c[1] == 0 ? 0.0 : c[0] / (double) (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0.0 : c[0] / (double) (c[0] + c[2]);
    double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    return Scorer.prf(p, r, f);
  }
}
