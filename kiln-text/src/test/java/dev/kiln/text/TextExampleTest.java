package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.Example;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextExampleTest {
  private final Tokenizer tokenizer = new Tokenizer();

  @Test
  void predictedDocIsTheReferenceTextRetokenizedWithoutAnnotations() {
    Doc reference = Doc.ofWords(List.of("I", "like", "New-York", "."), List.of(true, true, false, false))
        .withTags(List.of("PRON", "VERB", "PROPN", "PUNCT")).withCats(Map.of("POS", 1.0));
    Example<Doc> example = TextExample.of(reference, tokenizer);
    assertThat(example.predicted().text()).isEqualTo("I like New-York.");
    assertThat(example.predicted().tokens()).extracting(Token::text).containsExactly("I", "like", "New", "-", "York", ".");
    assertThat(example.predicted().hasTags()).isFalse();
    assertThat(example.predicted().cats()).isEmpty();
    // spaCy's get_aligned: each piece of the split reference token "New-York" takes its tag.
    assertThat(TextExample.tags(example)).containsExactly(Optional.of("PRON"), Optional.of("VERB"), Optional.of("PROPN"),
        Optional.of("PROPN"), Optional.of("PROPN"), Optional.of("PUNCT"));
  }

  @Test
  void aPredictedTokenOverSeveralReferenceTokensHasTheirTagOnlyWhenTheyAgree() {
    Doc reference = Doc.ofWords(List.of("New", "-", "York", "is", "big", "."), List.of(false, false, true, true, false, false))
        .withTags(List.of("PROPN", "PUNCT", "PROPN", "AUX", "ADJ", "PUNCT"));
    Example<Doc> example = new Example<>(Doc.ofWords(List.of("New-York", "is", "big."), List.of(true, true, false)), reference);
    assertThat(TextExample.tags(example)).containsExactly(Optional.empty(), Optional.of("AUX"), Optional.empty());
    Doc agreeing = Doc.ofWords(List.of("big", "."), List.of(false, false)).withTags(List.of("X", "X"));
    assertThat(TextExample.tags(new Example<>(Doc.ofWords(List.of("big.")), agreeing))).containsExactly(Optional.of("X"));
  }

  @Test
  void whitespaceTokensHaveNoGoldTag() {
    Doc reference = Doc.of("a \nb", List.of(new Token(0, "a", 0, true), new Token(1, "\n", 2, false), new Token(2, "b", 3, false)))
        .withTags(List.of("X", "SPACE", "Y"));
    Example<Doc> example = new Example<>(Doc.of(reference.text(), reference.tokens()), reference);
    assertThat(TextExample.tags(example)).containsExactly(Optional.of("X"), Optional.empty(), Optional.of("Y"));
  }

  @Test
  void entitiesAlignByCharacterOffsets() {
    Doc reference = Doc.ofWords(List.of("I", "like", "New-York", "."), List.of(true, true, false, false))
        .withEntityTags(List.of("O", "O", "U-GPE", "O"));
    assertThat(TextExample.entityTags(TextExample.of(reference, tokenizer)))
        .containsExactly("O", "O", "B-GPE", "I-GPE", "L-GPE", "O");
  }

  @Test
  void entitiesInsideAPredictedTokenBecomeUnknown() {
    Doc reference = Doc.ofWords(List.of("New", "-", "York", "rocks"), List.of(false, false, true, false))
        .withEntityTags(List.of("U-GPE", "O", "O", "O"));
    Example<Doc> example = new Example<>(Doc.ofWords(List.of("New-York", "rocks")), reference);
    assertThat(TextExample.entityTags(example)).containsExactly("-", "O");
  }

  @Test
  void aPredictedTokenIsOutsideWhenAllItsReferenceTokensAreAndUnknownWhenTheyMix() {
    Doc reference = Doc.ofWords(List.of("a", "-", "b", "New", "York"), List.of(false, false, true, true, false))
        .withEntityTags(List.of("O", "O", "O", "O", "U-GPE"));
    Example<Doc> example = new Example<>(Doc.ofWords(List.of("a-b", "New York"), List.of(true, false)), reference);
    assertThat(TextExample.entityTags(example)).containsExactly("O", "-");
  }

  @Test
  void unknownReferenceTagsStayUnknown() {
    Doc reference = Doc.ofWords(List.of("a", "b", "c")).withEntityTags(List.of("U-X", "-", "O"));
    assertThat(TextExample.entityTags(TextExample.of(reference, tokenizer))).containsExactly("U-X", "-", "O");
    assertThat(TextExample.entityTags(TextExample.of(Doc.ofWords(List.of("a")), tokenizer))).isEmpty();
  }

  @Test
  void sentenceStartsAlign() {
    Doc reference = Doc.ofWords(List.of("Hi", ".", "Bye")).withSentStarts(List.of(true, false, true));
    assertThat(TextExample.sentStarts(TextExample.of(reference, tokenizer)))
        .containsExactly(Optional.of(true), Optional.of(false), Optional.of(true));
    assertThat(TextExample.sentStarts(TextExample.of(Doc.ofWords(List.of("Hi")), tokenizer))).containsExactly(Optional.empty());
  }

  @Test
  void everyPieceOfASplitSentenceStartReadsAsAStartAsInSpacy() {
    Doc reference = Doc.ofWords(List.of("Hi", "New-York")).withSentStarts(List.of(true, true));
    assertThat(TextExample.sentStarts(TextExample.of(reference, tokenizer)))
        .containsExactly(Optional.of(true), Optional.of(true), Optional.of(true), Optional.of(true));
  }

  @Test
  void onlyDocumentsOfTheSameTextAlign() {
    assertThatThrownBy(() -> Alignment.of(Doc.ofWords(List.of("a")), Doc.ofWords(List.of("b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
