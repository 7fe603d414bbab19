package dev.kiln.train.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.schedules.Schedule;
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
  void batchBySequenceCutsAListIntoTheSameBatchesAsAStream() {
    List<Example<Doc>> examples = docs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Iterable<Example<Doc>> streamed = examples::iterator;
    BatchBySequence<Doc> batcher = new BatchBySequence<>(i -> 2 + 1.5 * i);
    List<List<Example<Doc>>> fromList = new ArrayList<>();
    batcher.batch(examples).forEach(fromList::add);
    List<List<Example<Doc>>> fromStream = new ArrayList<>();
    batcher.batch(streamed).forEach(fromStream::add);

    assertThat(sizes(fromList)).containsExactly(2, 3, 5, 1);
    assertThat(fromList).isEqualTo(fromStream);
    fromList.get(0).clear();
    assertThat(examples).hasSize(11);
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

  @Test
  void spacysDefaultBatcherSectionResolvesWithACompoundingSize() {
    dev.kiln.config.Section size = new dev.kiln.config.Section();
    size.put("@schedules", "compounding.v1");
    size.put("start", 2L);
    size.put("stop", 8L);
    size.put("compound", 2.0);
    size.put("t", 0.0);
    dev.kiln.config.Section batcher = new dev.kiln.config.Section();
    batcher.put("@batchers", "spacy.batch_by_sequence.v1");
    batcher.put("size", size);
    batcher.put("get_length", null);
    dev.kiln.config.Section root = new dev.kiln.config.Section();
    root.put("batcher", batcher);
    var resolved = dev.kiln.config.Resolver.resolve(root, dev.kiln.config.Registries.load());
    @SuppressWarnings("unchecked")
    var resolvedBatcher = (dev.kiln.train.Batcher<Doc>) resolved.get("batcher");
    assertThat(sizes(resolvedBatcher.batch(docs(new int[20])))).containsExactly(2, 4, 8, 6);
  }

  @Test
  void sizesBuffersAndTolerancesNoBatcherCanWorkWithAreRefused() {
    Schedule zero = (step, scores) -> 0.0;
    Schedule eight = (step, scores) -> 8.0;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Batchers.bySequence(zero))
        .hasMessage("[E180] batching: size must be at least 1, got 0.0.");
    // A buffer of 0 never filled, and the batcher waited for it forever.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Batchers.byPadded(eight, 0, false))
        .hasMessage("[E180] batching: buffer must be at least 1, got 0.");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Batchers.byWords(eight, -0.2, false))
        .hasMessage("[E180] batching: tolerance must be at least 0, got -0.2.");
    assertThat(sizes(Batchers.<Doc>byPadded(eight, 1, false).batch(docs(1, 2, 3)))).isNotEmpty();
  }

  @Test
  void aLengthFunctionIsRefusedWithAHint() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Batchers.spacyByWords((step, scores) -> 10, 0.2, false, "len"))
        .hasMessageStartingWith("[E206]").hasMessageContaining("get_length = null");
  }
}
