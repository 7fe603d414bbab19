package dev.kiln.text.ner;

import dev.kiln.text.Alignment;
import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.train.Example;
import dev.kiln.train.Scorer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * spaCy's entity scores ({@code get_ner_prf}): {@code ents_p}, {@code ents_r}, {@code ents_f}
 * and {@code ents_per_type} ({@code {label: {p, r, f}}}).
 *
 * <p>A predicted entity is compared through the {@link Alignment} of the two tokenizations: it
 * covers the reference tokens from the first to the last that its tokens align to, and it is
 * right when a reference entity of its label covers exactly those tokens (each reference entity
 * matches once; a second prediction on it is wrong). So "New" alone is right for the reference
 * entity "New-York" when the reference has that as one token, since it aligns to that token
 * only. What the reference does not annotate does not count: examples whose reference has no
 * entity annotation are skipped, and a predicted entity over a reference token of unknown tag
 * ({@code -}), or aligned to no reference token, is neither right nor wrong (its label is still
 * listed in {@code ents_per_type}, as in spaCy). With nothing to count the scores are 0.0
 * (spaCy gives null), so that they can always be weighted.
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
      Set<Span> gold = new HashSet<>(reference.entities());
      Alignment alignment = Alignment.of(example.predicted(), reference);
      for (Span entity : example.predicted().entities()) {
        counts.computeIfAbsent(entity.label(), label -> new long[3]);
        int first = -1;
        int last = -1;
        for (int t = entity.start(); t < entity.end(); t++) {
          for (int r : alignment.referenceTokens(t)) {
            first = first < 0 ? r : first;
            last = r;
          }
        }
        if (first < 0) {
          continue;
        }
        Span covered = reference.span(first, last + 1, entity.label());
        if (reference.entityTags().subList(covered.start(), covered.end()).contains("-")) {
          continue;
        }
        count(counts, total, entity.label(), gold.remove(covered) ? 0 : 1);
      }
      for (Span span : gold) {
        count(counts, total, span.label(), 2);
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
