package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BILUO entity tags (Begin, In, Last, Unit, Out; {@code -} for unknown): conversion from and to
 * spans, from and to the IOB schemes, and constrained decoding of per-token scores.
 */
public final class Biluo {
  private static final Logger LOG = LoggerFactory.getLogger(Biluo.class);

  private Biluo() {}

  /**
   * One BILUO tag per token of {@code doc} for entities given by character offsets. Tokens
   * under a span whose ends do not fall on token boundaries are tagged {@code -}, and such spans
   * are logged with warning {@code W300}, once per document in a run ({@link #misaligned} lists
   * them).
   *
   * @throws KilnException if two spans overlap
   */
  public static List<String> fromSpans(Doc doc, List<CharSpan> spans) {
    List<String> tags = new ArrayList<>(Collections.nCopies(doc.length(), "O"));
    Map<Integer, Integer> starts = new HashMap<>();
    Map<Integer, Integer> ends = new HashMap<>();
    for (Token token : doc.tokens()) {
      starts.put(token.idx(), token.i());
      ends.put(token.endChar(), token.i());
    }
    List<CharSpan> misaligned = new ArrayList<>();
    for (CharSpan span : requireDisjoint(spans, span -> span.inCodePoints(doc.text()))) {
      Integer first = starts.get(span.start());
      Integer last = ends.get(span.end());
      if (first == null || last == null || last < first) {
        misaligned.add(span);
        for (Token token : doc.tokens()) {
          if (token.idx() < span.end() && span.start() < token.endChar()) {
            tags.set(token.i(), "-");
          }
        }
      } else {
        setSpan(tags, first, last + 1, span.label());
      }
    }
    warnMisaligned(doc, misaligned);
    return tags;
  }

  /**
   * Logs warning {@code W300} for entity spans that do not align with the tokens of {@code doc},
   * once per document and spans in a run; nothing when there are none.
   */
  static void warnMisaligned(Doc doc, List<CharSpan> misaligned) {
    if (!misaligned.isEmpty()) {
      List<CharSpan> shown = misaligned.stream().map(span -> span.inCodePoints(doc.text())).toList();
      List<String> tokens = doc.tokens().stream().map(Token::text).toList();
      if (TextWarning.W300.firstTime(shown, doc.text(), tokens)) {
        LOG.warn(TextWarning.W300.format(shown, doc.text(), tokens));
      }
    }
  }

  /** The spans of {@code spans} whose ends do not fall on token boundaries of {@code doc}. */
  public static List<CharSpan> misaligned(Doc doc, List<CharSpan> spans) {
    Set<Integer> starts = doc.tokens().stream().map(Token::idx).collect(Collectors.toSet());
    Set<Integer> ends = doc.tokens().stream().map(Token::endChar).collect(Collectors.toSet());
    return spans.stream().filter(s -> !starts.contains(s.start()) || !ends.contains(s.end())).toList();
  }

  /** One BILUO tag per token for token spans (which must not overlap); other tokens {@code O}. */
  public static List<String> fromTokenSpans(int length, List<Span> spans) {
    requireDisjoint(spans.stream().map(s -> new CharSpan(s.start(), s.end(), s.label())).toList(), UnaryOperator.identity());
    List<String> tags = new ArrayList<>(Collections.nCopies(length, "O"));
    for (Span span : spans) {
      setSpan(tags, span.start(), span.end(), span.label());
    }
    return tags;
  }

  /**
   * The entities a valid tag sequence describes. Tokens tagged {@code -} belong to no entity,
   * and an entity interrupted by one is dropped, since its extent is unknown.
   */
  public static List<Span> toSpans(Doc doc, List<String> tags) {
    requireValid(tags);
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int t = 0; t < tags.size(); t++) {
      BiluoTag tag = BiluoTag.parse(tags.get(t));
      switch (tag.move()) {
        case 'U' -> spans.add(doc.span(t, t + 1, tag.label()));
        case 'B' -> start = t;
        case 'L' -> {
          if (start >= 0) {
            spans.add(doc.span(start, t + 1, tag.label()));
          }
          start = -1;
        }
        case 'I' -> { }
        default -> start = -1;
      }
    }
    return spans;
  }

  /** Whether the tags form a valid BILUO sequence ({@code -} may stand anywhere). */
  public static boolean isValid(List<String> tags) {
    return firstInvalid(tags) < 0;
  }

  /** @throws KilnException naming the first invalid position, if the sequence is not valid */
  static void requireValid(List<String> tags) {
    int bad = firstInvalid(tags);
    if (bad >= 0) {
      String previous = bad == 0 ? "the start" : tags.get(bad - 1);
      String found = bad == tags.size() ? "the end" : tags.get(bad);
      throw new KilnException(ErrorCode.E305, tags, bad, found, previous);
    }
  }

  /** Converts IOB1 or IOB2 tags to BILUO. */
  public static List<String> fromIob(List<String> iob, IobScheme scheme) {
    return IobConversion.toBiluo(iob, scheme);
  }

  /** Converts BILUO tags to IOB1 or IOB2. */
  public static List<String> toIob(List<String> biluo, IobScheme scheme) {
    requireValid(biluo);
    return IobConversion.fromBiluo(biluo, scheme);
  }

  /**
   * The highest-scoring valid tag sequence.
   *
   * @param scores one row per token, one column per label: any real numbers, higher is better
   *     (log-probabilities give the most probable sequence)
   * @param labels the BILUO tag of each column, such as {@code O}, {@code B-PER}, ...
   * @throws KilnException if the labels allow no valid sequence of this length
   */
  public static List<String> decode(float[][] scores, List<String> labels) {
    return BiluoDecoder.decode(scores, labels);
  }

  private static int firstInvalid(List<String> tags) {
    BiluoTag previous = null;
    for (int t = 0; t < tags.size(); t++) {
      BiluoTag tag = BiluoTag.parse(tags.get(t));
      if (!tag.mayFollow(previous)) {
        return t;
      }
      previous = tag;
    }
    return previous == null || previous.mayEnd() ? -1 : tags.size();
  }

  private static void setSpan(List<String> tags, int start, int end, String label) {
    if (end - start == 1) {
      tags.set(start, "U-" + label);
      return;
    }
    tags.set(start, "B-" + label);
    for (int t = start + 1; t < end - 1; t++) {
      tags.set(t, "I-" + label);
    }
    tags.set(end - 1, "L-" + label);
  }

  /** The spans sorted by start; {@code shown} gives a span as the E304 message names it. */
  private static List<CharSpan> requireDisjoint(List<CharSpan> spans, UnaryOperator<CharSpan> shown) {
    CharSpan[] sorted = spans.toArray(CharSpan[]::new);
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.start(), b.start()));
    for (int k = 1; k < sorted.length; k++) {
      if (sorted[k - 1].overlaps(sorted[k])) {
        throw new KilnException(ErrorCode.E304, shown.apply(sorted[k - 1]), shown.apply(sorted[k]));
      }
    }
    return List.of(sorted);
  }
}
