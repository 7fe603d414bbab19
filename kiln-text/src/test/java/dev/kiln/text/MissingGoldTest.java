package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.Example;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingGoldTest {
  private static Example<Doc> example(Doc reference) {
    return new Example<>(Doc.ofWords(List.of("a", "b")), reference);
  }

  @Test
  void warnsOnceWhenNoEvaluationDocHasTheAnnotation() {
    MissingGold gold = new MissingGold("textcat", "cats", doc -> !doc.cats().isEmpty());
    List<Example<Doc>> plain = List.of(example(Doc.ofWords(List.of("a", "b"))), example(Doc.ofWords(List.of("c"))));
    assertThat(gold.check(List.of())).as("no docs: nothing to say").isFalse();
    assertThat(gold.check(plain)).isTrue();
    assertThat(gold.check(plain)).as("once per component").isFalse();
  }

  @Test
  void oneAnnotatedDocIsEnough() {
    MissingGold gold = new MissingGold("textcat", "cats", doc -> !doc.cats().isEmpty());
    Doc labelled = Doc.ofWords(List.of("a", "b")).withCats(Map.of("POS", 1.0));
    assertThat(gold.check(List.of(example(Doc.ofWords(List.of("c"))), example(labelled)))).isFalse();
  }
}
