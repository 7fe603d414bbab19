package dev.kiln.text.tok2vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Ints;
import dev.kiln.text.Doc;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocFeaturesTest {
  private final Model<List<Doc>, List<Ints>> features =
      DocFeatures.create(List.of(LexicalAttr.NORM, LexicalAttr.SHAPE));

  @Test
  void eachTokenGetsTheHashOfEachAttribute() {
    Ints ids = features.predict(List.of(Doc.ofWords(List.of("Hello", "world")))).get(0);
    assertThat(ids.shape()).containsExactly(2, 2);
    assertThat(ids.data()).containsExactly(DocFeatures.hash("hello"), DocFeatures.hash("Xxxxx"),
        DocFeatures.hash("world"), DocFeatures.hash("xxxx"));
  }

  @Test
  void aDocumentSeenAgainAndAnEqualDocumentGetTheSameKeys() {
    Doc doc = Doc.ofWords(List.of("The", "cat", "sat", "."));
    Ints first = features.predict(List.of(doc)).get(0);
    assertThat(features.predict(List.of(doc, doc)).get(1).data()).containsExactly(first.data());
    // Another document with the same words is not the same key, but has the same features.
    Doc equal = Doc.ofWords(List.of("The", "cat", "sat", "."));
    assertThat(features.predict(List.of(equal)).get(0).data()).containsExactly(first.data());
  }
}
