package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.text.Doc;
import dev.kiln.train.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exclusive textcat refuses documents with several true categories, as spaCy does (E895). */
class ExclusiveCategoriesTest {
  private static TextCategorizer textcat(String factory, boolean exclusive) {
    return BowTextcats.of("textcat", factory, exclusive);
  }

  @Test
  void aDocumentWithTwoTrueCategoriesIsRefusedByAnExclusiveClassifier() {
    List<Example<Doc>> examples = GeneratedCats.multilabel(50, 2);
    int first = 1 + examples.indexOf(examples.stream()
        .filter(example -> example.reference().cats().values().stream().allMatch(score -> score == 1.0))
        .findFirst().orElseThrow());

    assertThatThrownBy(() -> textcat("textcat", true).initialize(() -> examples, 0))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("E327")
        .hasMessageContaining("component textcat: document " + first + " of the training corpus has 2 true categories")
        .hasMessageContaining("textcat_multilabel");
  }

  @Test
  void theSameDocumentsTrainAMultilabelClassifierAndOneTrueCategoryOrNoneAnExclusiveOne() {
    TextCategorizer multilabel = textcat("textcat_multilabel", false);
    multilabel.initialize(() -> GeneratedCats.multilabel(50, 2), 0);
    assertThat(multilabel.labels()).containsExactly("X", "Y");

    // Documents whose categories are all 0.0 are allowed, as in spaCy.
    List<Example<Doc>> noneTrue = GeneratedCats.multilabel(50, 2).stream()
        .filter(example -> example.reference().cats().values().stream().noneMatch(score -> score == 1.0))
        .toList();
    assertThat(noneTrue).isNotEmpty();
    TextCategorizer exclusive = textcat("textcat", true);
    exclusive.initialize(() -> noneTrue, 0);
    assertThat(exclusive.labels()).containsExactly("X", "Y");
  }
}
