package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corpus for several components has documents annotated for one of them only (entities but no
 * cats, say). As in spaCy, a label a document's cats leave out is unknown to
 * {@code textcat_multilabel}, not a negative; {@code textcat} still reads it as 0.
 */
class MultilabelMissingCatsTest {
  private static Example<Doc> withoutCats(String text) {
    Doc doc = new Tokenizer().tokenize(text);
    return new Example<>(doc, doc);
  }

  @Test
  void aDocumentWithoutCatsTeachesTheMultilabelClassifierNothing() {
    TextCategorizer multilabel = BowTextcats.of("textcat_multilabel", false);
    multilabel.initialize(() -> GeneratedCats.multilabel(40, 1), 0);
    LossTotals losses = new LossTotals();

    multilabel.update(List.of(withoutCats("the river road"), withoutCats("a green stone")), 0.0, losses);

    assertThat(losses.get("textcat_multilabel")).isZero();
  }

  @Test
  void aDocumentWithoutCatsIsAllNegativeForTheExclusiveClassifier() {
    TextCategorizer exclusive = BowTextcats.of("textcat", true);
    exclusive.initialize(() -> GeneratedCats.exclusive(40, 1), 0);
    LossTotals losses = new LossTotals();

    exclusive.update(List.of(withoutCats("the river road")), 0.0, losses);

    assertThat(losses.get("textcat")).isPositive();
  }

  @Test
  void aMultilabelScoreLeavesOutDocumentsWithoutThatLabel() {
    Doc doc = new Tokenizer().tokenize("a message");
    List<Example<Doc>> examples = List.of(
        new Example<>(doc.withCats(Map.of("X", 0.9, "Y", 0.9)), doc.withCats(Map.of("X", 1.0, "Y", 1.0))),
        new Example<>(doc.withCats(Map.of("X", 0.8, "Y", 0.9)), doc.withCats(Map.of("X", 1.0))));

    Map<String, Object> scores = CatsScores.of(examples, List.of("X", "Y"), false, 0.5, null);

    Map<?, ?> y = (Map<?, ?>) ((Map<?, ?>) scores.get("cats_f_per_type")).get("Y");
    assertThat(y.get("p")).isEqualTo(1.0);
  }
}
