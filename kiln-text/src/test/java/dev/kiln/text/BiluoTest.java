package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BiluoTest {
  private final Doc doc = new Tokenizer().tokenize("Ada Lovelace met Charles Babbage in London.");

  @Test
  void spansBecomeBiluoTags() {
    List<String> tags = Biluo.fromSpans(doc, List.of(new CharSpan(0, 12, "PER"), new CharSpan(36, 42, "LOC")));
    assertThat(tags).containsExactly("B-PER", "L-PER", "O", "O", "O", "O", "U-LOC", "O");
  }

  @Test
  void longSpansUseInsideTags() {
    Doc three = Doc.ofWords(List.of("New", "York", "City", "!"));
    assertThat(Biluo.fromSpans(three, List.of(new CharSpan(0, 13, "GPE")))).containsExactly("B-GPE", "I-GPE", "L-GPE", "O");
  }

  @Test
  void misalignedSpansTagTheirTokensUnknown() {
    List<CharSpan> spans = List.of(new CharSpan(0, 12, "PER"), new CharSpan(17, 22, "PER"));
    assertThat(Biluo.fromSpans(doc, spans)).containsExactly("B-PER", "L-PER", "O", "-", "O", "O", "O", "O");
    assertThat(Biluo.misaligned(doc, spans)).containsExactly(new CharSpan(17, 22, "PER"));
  }

  @Test
  void misalignedWarningHasItsCode() {
    assertThat(TextWarning.W300.format(List.of(new CharSpan(1, 2, "X")), "ab", List.of("ab")))
        .startsWith("[W300] the entity spans [[1, 2, X]] do not align with the tokens of \"ab\"");
  }

  @Test
  void misalignedWarningCountsCodePointsAsTheDataDoes() {
    // "Bob" of "Bobby" after an emoji: code points 9 to 12 in the file, UTF-16 indices 10 to 13.
    Doc emoji = new Tokenizer().tokenize("I \uD83D\uDE00 love Bobby Smith today.");
    List<String> tokens = emoji.tokens().stream().map(Token::text).toList();
    assertThat(Biluo.fromSpans(emoji, List.of(new CharSpan(10, 13, "PER")))).contains("-");
    // The warning given is the one with the file's offsets, so giving it again is not new.
    assertThat(TextWarning.W300.firstTime(List.of(new CharSpan(9, 12, "PER")), emoji.text(), tokens)).isFalse();
    assertThat(new CharSpan(10, 13, "PER").inCodePoints(emoji.text())).isEqualTo(new CharSpan(9, 12, "PER"));
  }

  @Test
  void overlapAfterAnEmojiNamesTheSpansByCodePoints() {
    Doc emoji = new Tokenizer().tokenize("\uD83D\uDE00 Acme Corp");
    assertThatThrownBy(() -> Biluo.fromSpans(emoji, List.of(new CharSpan(3, 12, "ORG"), new CharSpan(8, 12, "ORG"))))
        .hasMessageStartingWith("[E304] the entity spans [2, 11, ORG] and [7, 11, ORG] overlap");
  }

  @Test
  void overlappingSpansAreAnError() {
    assertThatThrownBy(() -> Biluo.fromSpans(doc, List.of(new CharSpan(0, 12, "PER"), new CharSpan(4, 12, "PER"))))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E304]");
  }

  @Test
  void tagsBecomeSpansAgain() {
    List<Span> spans = Biluo.toSpans(doc, List.of("B-PER", "L-PER", "O", "B-PER", "L-PER", "O", "U-LOC", "O"));
    assertThat(spans).extracting(Span::text).containsExactly("Ada Lovelace", "Charles Babbage", "London");
    assertThat(spans.get(2)).isEqualTo(new Span(6, 7, "LOC", "London", 36, 42));
    assertThat(Biluo.fromTokenSpans(doc.length(), spans))
        .containsExactly("B-PER", "L-PER", "O", "B-PER", "L-PER", "O", "U-LOC", "O");
  }

  @Test
  void unknownTokensBelongToNoSpan() {
    assertThat(Biluo.toSpans(doc, List.of("B-PER", "L-PER", "-", "-", "O", "O", "U-LOC", "O")))
        .extracting(Span::label).containsExactly("PER", "LOC");
  }

  @Test
  void invalidSequencesAreRejected() {
    assertThat(Biluo.isValid(List.of("B-PER", "L-PER"))).isTrue();
    assertThat(Biluo.isValid(List.of("B-PER", "O"))).isFalse();
    assertThat(Biluo.isValid(List.of("B-PER", "L-LOC"))).isFalse();
    assertThat(Biluo.isValid(List.of("I-PER"))).isFalse();
    assertThat(Biluo.isValid(List.of("O", "B-PER"))).isFalse();
    assertThatThrownBy(() -> Biluo.toSpans(Doc.ofWords(List.of("a", "b")), List.of("U-X", "L-X")))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E305]");
    assertThatThrownBy(() -> Biluo.isValid(List.of("PER"))).hasMessageStartingWith("[E306]");
  }

  @Test
  void iob1AndIob2ConvertBothWays() {
    List<String> biluo = List.of("U-PER", "U-PER", "O", "B-LOC", "L-LOC", "U-ORG", "B-ORG", "I-ORG", "L-ORG");
    List<String> iob1 = List.of("I-PER", "B-PER", "O", "I-LOC", "I-LOC", "I-ORG", "B-ORG", "I-ORG", "I-ORG");
    List<String> iob2 = List.of("B-PER", "B-PER", "O", "B-LOC", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-ORG");
    assertThat(Biluo.toIob(biluo, IobScheme.IOB1)).isEqualTo(iob1);
    assertThat(Biluo.toIob(biluo, IobScheme.IOB2)).isEqualTo(iob2);
    assertThat(Biluo.fromIob(iob1, IobScheme.IOB1)).isEqualTo(biluo);
    assertThat(Biluo.fromIob(iob2, IobScheme.IOB2)).isEqualTo(biluo);
  }

  @Test
  void iobReaderRejectsBiluoMoves() {
    assertThatThrownBy(() -> Biluo.fromIob(List.of("U-PER"), IobScheme.IOB2)).hasMessageStartingWith("[E306]");
  }

  @Test
  void aWarningAboutOneDocumentIsGivenOnceNotEveryEpoch() {
    List<CharSpan> spans = List.of(new CharSpan(7, 9, "Y"));
    assertThat(TextWarning.W300.firstTime(spans, "a document seen once", List.of("a"))).isTrue();
    assertThat(TextWarning.W300.firstTime(spans, "a document seen once", List.of("a"))).isFalse();
    assertThat(TextWarning.W300.firstTime(spans, "another document", List.of("a"))).isTrue();
  }
}
