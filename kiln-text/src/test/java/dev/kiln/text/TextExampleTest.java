package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(TextExample.tags(example)).containsExactly(Optional.of("PRON"), Optional.of("VERB"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("PUNCT"));
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
  }
}
