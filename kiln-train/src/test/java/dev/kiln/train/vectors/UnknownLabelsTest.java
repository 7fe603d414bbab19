package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kiln.train.Example;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UnknownLabelsTest {
  private static Example<Labeled> labeled(String label) {
    return Labeled.example(new FeatureVector.Dense(new float[] {1f}), label);
  }

  @Test
  void countsTheExamplesOfEachReferenceLabelTheClassifierDoesNotKnow() {
    List<Example<Labeled>> examples = List.of(labeled("cat"), labeled("unicorn"), labeled("dog"),
        labeled("unicorn"), labeled("yeti"), labeled(null));
    Function<Labeled, List<String>> labelOf = record -> record.label() == null ? List.of() : List.of(record.label());
    assertThat(UnknownLabels.count(examples, labelOf, List.of("cat", "dog")))
        .containsExactly(entry("unicorn", 2),
            entry("yeti", 1));
    assertThat(UnknownLabels.count(examples.subList(0, 1), labelOf, List.of("cat"))).isEmpty();
  }

  @Test
  void countsEachOfSeveralLabelsOfARecord() {
    List<Example<Labeled>> examples = List.of(labeled("cat"), labeled("dog"));
    assertThat(UnknownLabels.count(examples, record -> List.of("EGGS", "BACON", record.label()), List.of("cat")))
        .containsExactly(entry("BACON", 2), entry("EGGS", 2), entry("dog", 1));
  }
}
