package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocTest {
  private final Doc doc = Doc.ofWords(List.of("Ada", "Lovelace", "wrote", "."), List.of(true, true, false, false));

  @Test
  void categoriesKeepTheOrderTheyWereGivenIn() {
    Map<String, Double> cats = new LinkedHashMap<>();
    for (String label : List.of("m", "b", "x", "a", "q", "c", "z", "d", "k", "e", "w", "f")) {
      cats.put(label, 0.5);
    }
    assertThat(Doc.ofWords(List.of("a")).withCats(cats).cats().keySet()).containsExactlyElementsOf(cats.keySet());
  }

  @Test
  void wordsAndSpacesMakeTheText() {
    assertThat(doc.text()).isEqualTo("Ada Lovelace wrote.");
    assertThat(doc.length()).isEqualTo(4);
    assertThat(doc.token(3).idx()).isEqualTo(18);
  }

  @Test
  void spansKnowTheirTextAndOffsets() {
    assertThat(doc.span(0, 2, "PER")).isEqualTo(new Span(0, 2, "PER", "Ada Lovelace", 0, 12));
  }

  @Test
  void annotationsAreCopiesAndTheOriginalStaysBare() {
    Doc annotated = doc.withEntities(List.of(doc.span(0, 2, "PER"))).withTags(List.of("PROPN", "PROPN", "VERB", "PUNCT"))
        .withCats(Map.of("HISTORY", 1.0)).withSentStarts(List.of(true, false, false, false));
    assertThat(annotated.entityTags()).containsExactly("B-PER", "L-PER", "O", "O");
    assertThat(annotated.entities()).extracting(Span::text).containsExactly("Ada Lovelace");
    assertThat(annotated.tags()).containsExactly("PROPN", "PROPN", "VERB", "PUNCT");
    assertThat(annotated.cats()).containsEntry("HISTORY", 1.0);
    assertThat(annotated.sentStarts()).containsExactly(true, false, false, false);
    assertThat(doc.hasEntities() || doc.hasTags() || !doc.cats().isEmpty() || !doc.sentStarts().isEmpty()).isFalse();
  }

  @Test
  void annotationsNeedOnePerToken() {
    assertThatThrownBy(() -> doc.withTags(List.of("X"))).hasMessageStartingWith("[E308] 1 tags were given for a document of 4 tokens");
  }

  @Test
  void invalidEntityTagsAreRejected() {
    assertThatThrownBy(() -> doc.withEntityTags(List.of("B-PER", "O", "O", "O"))).hasMessageStartingWith("[E305]");
  }
}
