package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kiln.train.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownLabelsTest {
  private static Example<Labeled> labeled(String label) {
    return Labeled.example(new FeatureVector.Dense(new float[] {1f}), label);
  }

  @Test
  void countsTheExamplesOfEachReferenceLabelTheClassifierDoesNotKnow() {
    List<Example<Labeled>> examples = List.of(labeled("cat"), labeled("unicorn"), labeled("dog"),
        labeled("unicorn"), labeled("yeti"), labeled(null));
    assertThat(UnknownLabels.count(examples, Labeled::label, List.of("cat", "dog")))
        .containsExactly(entry("unicorn", 2),
            entry("yeti", 1));
    assertThat(UnknownLabels.count(examples.subList(0, 1), Labeled::label, List.of("cat"))).isEmpty();
  }
}
