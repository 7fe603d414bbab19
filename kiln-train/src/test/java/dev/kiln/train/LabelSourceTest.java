package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelSourceTest {
  @Test
  void givenLabelsAreSortedAndOnceEachAsCollectedOnesAreSoTheModelIsTheSameWhateverTheirOrder() {
    LabelSource given = LabelSource.given(List.of("SPAM", "HAM", "SPAM"), "labels/textcat.json");

    assertThat(given.choose(Set.of("HAM", "SPAM", "EGGS"))).containsExactly("HAM", "SPAM");
    assertThat(given.choose(Set.of("HAM", "SPAM"))).isEqualTo(LabelSource.fromData().choose(List.of("SPAM", "HAM")));
    assertThat(given.includes("HAM")).isTrue();
    assertThat(given.includes("EGGS")).isFalse();
    assertThat(given.origin()).isEqualTo("labels/textcat.json");
  }

  @Test
  void labelsFromTheDataAreTheCollectedOnesSortedAndIncludeEveryLabel() {
    LabelSource data = LabelSource.fromData();

    assertThat(data.choose(List.of("b", "a", "c"))).containsExactly("a", "b", "c");
    assertThat(data.includes("anything")).isTrue();
    assertThat(data.origin()).isEqualTo("the training data");
  }
}
