package dev.kiln.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * How the tokens of two tokenizations of one text correspond, spaCy's {@code Alignment}: a
 * predicted token and a reference token align when they share at least one character. A token
 * may align to none, one or several tokens of the other side: "New-York" as one reference token
 * aligns to each of the predicted "New", "-" and "York", and each of them to it.
 *
 * <p>spaCy aligns the concatenated token texts character by character, skipping whitespace that
 * only one side has; for two documents of the same text this is sharing a character offset.
 */
public final class Alignment {
  private final Doc predicted;
  private final Doc reference;
  private final Overlaps x2y;
  private final Overlaps y2x;

  private Alignment(Doc predicted, Doc reference) {
    this.predicted = predicted;
    this.reference = reference;
    this.x2y = Overlaps.of(predicted, reference);
    this.y2x = Overlaps.of(reference, predicted);
  }

  /**
   * Aligns the tokens of two documents of the same text.
   *
   * @throws IllegalArgumentException if the texts differ
   */
  public static Alignment of(Doc predicted, Doc reference) {
    if (!predicted.text().equals(reference.text())) {
      throw new IllegalArgumentException("cannot align the tokens of two different texts: \"" + predicted.text()
          + "\" and \"" + reference.text() + "\"");
    }
    return new Alignment(predicted, reference);
  }

  /** The reference tokens that predicted token {@code i} shares characters with, in order. */
  public int[] referenceTokens(int i) {
    return x2y.of(i);
  }

  /** The predicted tokens that reference token {@code r} shares characters with, in order. */
  public int[] predictedTokens(int r) {
    return y2x.of(r);
  }

  /**
   * The one reference token that predicted token {@code i} aligns to; empty when it aligns to
   * none or to several. spaCy's scorers count only such tokens.
   */
  public OptionalInt referenceToken(int i) {
    return x2y.end[i] - x2y.first[i] == 1 ? OptionalInt.of(x2y.first[i]) : OptionalInt.empty();
  }

  /**
   * The reference span each predicted span aligns to, spaCy's
   * {@code Example.get_aligned_spans_x2y}, by the rule of {@link #project}.
   */
  public List<Optional<Span>> toReference(List<Span> spans) {
    return project(spans, reference, x2y);
  }

  /**
   * The predicted span each reference span aligns to, spaCy's
   * {@code Example.get_aligned_spans_y2x}, by the rule of {@link #project}.
   */
  public List<Optional<Span>> toPredicted(List<Span> spans) {
    return project(spans, predicted, y2x);
  }

  /**
   * Each span carried to the other tokenization, from the first to the last token its tokens
   * align to, kept only when that covers the same text (ignoring case and spaces): a span whose
   * ends fall inside a token of the other side is empty. Tokens taken by an earlier span are not
   * taken again, so the spans kept do not overlap.
   */
  private static List<Optional<Span>> project(List<Span> spans, Doc to, Overlaps align) {
    boolean[] taken = new boolean[to.length()];
    List<Optional<Span>> projected = new ArrayList<>(spans.size());
    for (Span span : spans) {
      List<Integer> tokens = new ArrayList<>();
      for (int t = span.start(); t < span.end(); t++) {
        for (int other = align.first[t]; other < align.end[t]; other++) {
          if (!taken[other]) {
            tokens.add(other);
          }
        }
      }
      Optional<Span> kept = Optional.empty();
      if (!tokens.isEmpty()) {
        Span candidate = to.span(tokens.get(0), tokens.get(tokens.size() - 1) + 1, span.label());
        if (comparable(candidate.text()).equals(comparable(span.text()))) {
          kept = Optional.of(candidate);
          tokens.forEach(t -> taken[t] = true);
        }
      }
      projected.add(kept);
    }
    return projected;
  }

  private static String comparable(String text) {
    return text.toLowerCase(Locale.ROOT).strip().replace(" ", "");
  }

  /**
   * For each token of one document, the tokens of the other it shares characters with: tokens
   * {@code first[i]} (inclusive) to {@code end[i]} (exclusive), a run since both documents'
   * tokens are in text order and do not overlap; an empty run when it shares none.
   */
  private record Overlaps(int[] first, int[] end) {
    static Overlaps of(Doc from, Doc to) {
      int[] first = new int[from.length()];
      int[] end = new int[from.length()];
      int next = 0;
      for (Token token : from.tokens()) {
        while (next < to.length() && to.token(next).endChar() <= token.idx()) {
          next++;
        }
        int last = next;
        while (last < to.length() && to.token(last).idx() < token.endChar()) {
          last++;
        }
        first[token.i()] = next;
        end[token.i()] = last;
      }
      return new Overlaps(first, end);
    }

    int[] of(int i) {
      return IntStream.range(first[i], end[i]).toArray();
    }
  }
}
