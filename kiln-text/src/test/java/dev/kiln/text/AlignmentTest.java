package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlignmentTest {
  // "I like New-York." as the reference has it and as kiln's tokenizer splits it.
  private static final Doc REFERENCE = Doc.ofWords(List.of("I", "like", "New-York", "."), List.of(true, true, false, false));
  private static final Doc PREDICTED = new Tokenizer().tokenize(REFERENCE.text());

  @Test
  void tokensAlignWhenTheyShareCharacters() {
    Alignment alignment = Alignment.of(PREDICTED, REFERENCE);
    assertThat(PREDICTED.tokens()).extracting(Token::text).containsExactly("I", "like", "New", "-", "York", ".");
    assertThat(alignment.referenceTokens(2)).containsExactly(2);
    assertThat(alignment.referenceTokens(4)).containsExactly(2);
    assertThat(alignment.predictedTokens(2)).containsExactly(2, 3, 4);
    assertThat(alignment.predictedTokens(3)).containsExactly(5);
    assertThat(alignment.referenceToken(3)).hasValue(2);
    Alignment reversed = Alignment.of(REFERENCE, PREDICTED);
    assertThat(reversed.referenceToken(2)).isEmpty();
  }

  @Test
  void aWordWithASpaceAlignsToBothPiecesAndTheSpaceToNothing() {
    Doc vietnamese = Doc.ofWords(List.of("Hà Nội", "đẹp"));
    Doc predicted = new Tokenizer().tokenize(vietnamese.text());
    Alignment alignment = Alignment.of(predicted, vietnamese);
    assertThat(alignment.predictedTokens(0)).containsExactly(0, 1);
    assertThat(alignment.referenceTokens(1)).containsExactly(0);
    assertThat(alignment.referenceTokens(2)).containsExactly(1);
  }

  @Test
  void spansAreCarriedOnlyWhenTheirEndsFallOnTokenBoundaries() {
    Alignment alignment = Alignment.of(PREDICTED, REFERENCE);
    List<Optional<Span>> toPredicted = alignment.toPredicted(List.of(REFERENCE.span(2, 4, "GPE")));
    assertThat(toPredicted).extracting(span -> span.map(s -> s.start() + ".." + s.end() + " " + s.text()))
        .containsExactly(Optional.of("2..6 New-York."));
    // "New" alone covers part of the reference token "New-York" only: it aligns to no reference span.
    List<Optional<Span>> toReference = alignment.toReference(List.of(PREDICTED.span(2, 3, "GPE"), PREDICTED.span(2, 5, "GPE")));
    assertThat(toReference.get(0)).isEmpty();
    assertThat(toReference.get(1)).hasValue(REFERENCE.span(2, 3, "GPE"));
  }

  @Test
  void aTokenTakenByAnEarlierSpanIsNotTakenAgain() {
    Doc reference = Doc.ofWords(List.of("a", "b"));
    Alignment alignment = Alignment.of(Doc.ofWords(List.of("a", "b")), reference);
    List<Optional<Span>> spans = alignment.toPredicted(List.of(reference.span(0, 2, "X"), reference.span(1, 2, "Y")));
    assertThat(spans.get(0)).isPresent();
    assertThat(spans.get(1)).isEmpty();
  }
}
