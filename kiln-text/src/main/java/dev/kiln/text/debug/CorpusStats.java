package dev.kiln.text.debug;

import dev.kiln.text.Biluo;
import dev.kiln.text.CharSpan;
import dev.kiln.text.Doc;
import dev.kiln.text.InspectedDoc;
import dev.kiln.text.Token;
import dev.kiln.text.tagger.NegativeTags;
import dev.kiln.text.tagger.Tagger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one corpus holds: documents, words, and the annotations each component learns from. */
final class CorpusStats {
  int docs;
  long words;
  /** Documents without a token that is not whitespace. */
  final List<Finding> emptyDocs = new ArrayList<>();
  /** Per category, the documents in which it is true (a score of at least 0.5). */
  final Map<String, Integer> cats = new TreeMap<>();
  /** Documents with categories but not exactly one true one, which {@code textcat} cannot learn. */
  final List<Finding> notOneCategory = new ArrayList<>();
  final Map<String, Integer> entities = new TreeMap<>();
  final List<Finding> misalignedEntities = new ArrayList<>();
  final List<Finding> overlappingEntities = new ArrayList<>();
  final List<Finding> whitespaceEntities = new ArrayList<>();
  final Map<String, Integer> tags = new TreeMap<>();
  /** Tokens whose tag is unknown ({@code ""}, {@code -} or {@code _}): no label, not trained on. */
  long untagged;
  /** Tokens with a negative tag ({@code "!NN"}): no label, trained only against the tag they name. */
  long negativeTagged;
  private final NegativeTags negativeTags;

  private CorpusStats(NegativeTags negativeTags) {
    this.negativeTags = negativeTags;
  }

  static CorpusStats of(Iterable<InspectedDoc> corpus, NegativeTags negativeTags) {
    CorpusStats stats = new CorpusStats(negativeTags);
    corpus.forEach(stats::add);
    return stats;
  }

  private void add(InspectedDoc inspected) {
    Doc predicted = inspected.example().predicted();
    Doc reference = inspected.example().reference();
    docs++;
    words += predicted.length();
    if (predicted.tokens().stream().allMatch(Token::isSpace)) {
      emptyDocs.add(new Finding(inspected.number(), quoted(reference.text())));
    }
    addCats(inspected.number(), reference.cats());
    for (String tag : reference.tags()) {
      if (Tagger.isMissing(tag)) {
        untagged++;
      } else if (negativeTags.isNegative(tag)) {
        negativeTagged++;
      } else {
        tags.merge(tag, 1, Integer::sum);
      }
    }
    addEntities(inspected, predicted.text());
  }

  private void addCats(int number, Map<String, Double> scores) {
    int positive = 0;
    for (Map.Entry<String, Double> cat : scores.entrySet()) {
      boolean isTrue = cat.getValue() >= 0.5;
      cats.merge(cat.getKey(), isTrue ? 1 : 0, Integer::sum);
      positive += isTrue ? 1 : 0;
    }
    if (!scores.isEmpty() && positive != 1) {
      notOneCategory.add(new Finding(number, positive + " true categories in " + new TreeMap<>(scores)));
    }
  }

  private void addEntities(InspectedDoc inspected, String text) {
    List<CharSpan> spans = inspected.writtenEntities();
    for (CharSpan span : spans) {
      entities.merge(span.label(), 1, Integer::sum);
      String covered = text.substring(span.start(), span.end());
      if (Character.isWhitespace(covered.charAt(0)) || Character.isWhitespace(covered.charAt(covered.length() - 1))) {
        whitespaceEntities.add(new Finding(inspected.number(), span.inCodePoints(text) + " " + quoted(covered)));
      }
    }
    for (CharSpan span : Biluo.misaligned(inspected.example().predicted(), spans)) {
      misalignedEntities.add(new Finding(inspected.number(), span.inCodePoints(text) + " "
          + quoted(text.substring(span.start(), span.end()))
          + " in " + quoted(text)));
    }
    List<CharSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(CharSpan::start));
    for (int a = 0; a < sorted.size(); a++) {
      for (int b = a + 1; b < sorted.size() && sorted.get(b).start() < sorted.get(a).end(); b++) {
        overlappingEntities.add(new Finding(inspected.number(), sorted.get(a).inCodePoints(text) + " and "
            + sorted.get(b).inCodePoints(text) + " in " + quoted(text)));
      }
    }
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
