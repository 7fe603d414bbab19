package dev.kiln.train.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchersTest {
  record Doc(int length) implements Datum {}

  static List<Example<Doc>> docs(int... lengths) {
    List<Example<Doc>> examples = new ArrayList<>();
    for (int length : lengths) {
      examples.add(new Example<>(new Doc(length), new Doc(length)));
    }
    return examples;
  }

  static List<Integer> sizes(Iterable<List<Example<Doc>>> batches) {
    List<Integer> sizes = new ArrayList<>();
    batches.forEach(batch -> sizes.add(batch.size()));
    return sizes;
  }

  /** spaCy's own expectations for batch_by_words (size 1000, tolerance 0.2, discard_oversize). */
  static List<Arguments> spacyByWordsCases() {
    return List.of(
        Arguments.of(new int[] {400, 400, 199}, List.of(3)),
        Arguments.of(new int[] {400, 400, 199, 3}, List.of(4)),
        Arguments.of(new int[] {400, 400, 199, 3, 200}, List.of(3, 2)),
        Arguments.of(new int[] {400, 400, 199, 3, 1}, List.of(5)),
        Arguments.of(new int[] {400, 400, 199, 3, 1, 1500}, List.of(5)),
        Arguments.of(new int[] {400, 400, 199, 3, 1, 200}, List.of(3, 3)),
        Arguments.of(new int[] {400, 400, 199, 3, 1, 999}, List.of(3, 3)),
        Arguments.of(new int[] {400, 400, 199, 3, 1, 999, 999}, List.of(3, 2, 1, 1)),
        Arguments.of(new int[] {1, 2, 999}, List.of(3)),
        Arguments.of(new int[] {1, 2, 999, 1}, List.of(4)),
        Arguments.of(new int[] {1, 200, 999, 1}, List.of(2, 2)),
        Arguments.of(new int[] {1, 999, 200, 1}, List.of(2, 2)));
  }

  @ParameterizedTest
  @MethodSource("spacyByWordsCases")
  void batchByWordsMatchesSpacy(int[] lengths, List<Integer> expected) {
    BatchByWords<Doc> batcher = new BatchByWords<>(i -> 1000, 0.2, true);
    Iterable<List<Example<Doc>>> batches = batcher.batch(docs(lengths));
    assertThat(sizes(batches)).isEqualTo(expected);
    for (List<Example<Doc>> batch : batches) {
      assertThat(batch.stream().mapToInt(Example::length).sum()).isLessThan(1200);
    }
  }

  @Test
  void batchByWordsKeepsOversizeExamplesAloneUnlessDiscarded() {
    assertThat(sizes(new BatchByWords<Doc>(i -> 10, 0.0, false).batch(docs(3, 50, 4, 5))))
        .containsExactly(1, 2, 1);
  }

  @Test
  void batchBySequenceFollowsItsSizeSchedule() {
    assertThat(sizes(new BatchBySequence<Doc>(i -> 1 + i).batch(docs(new int[10]))))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void batchByPaddedGroupsByLengthLongestFirstAndCanDiscard() {
    List<Example<Doc>> examples = docs(5, 1, 4, 2, 2, 9);
    List<List<Integer>> lengths = new ArrayList<>();
    new BatchByPadded<Doc>(i -> 8, 256, false).batch(examples)
        .forEach(batch -> lengths.add(batch.stream().map(Example::length).toList()));
    assertThat(lengths).containsExactly(List.of(9), List.of(5), List.of(4), List.of(1, 2, 2));
    assertThat(sizes(new BatchByPadded<Doc>(i -> 8, 256, true).batch(examples))).containsExactly(1, 1, 3);
  }
}
