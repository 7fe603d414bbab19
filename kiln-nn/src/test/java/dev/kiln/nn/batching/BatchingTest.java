package dev.kiln.nn.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.schedules.Compounding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchingTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 10).boxed().toList();

  private static <B> List<B> collect(Iterable<B> batches) {
    List<B> all = new ArrayList<>();
    batches.forEach(all::add);
    return all;
  }

  @Test
  void cutsInOrderWithAShortLastBatch() {
    SizedBatches<List<Integer>> batches =
        Batching.minibatch(4, Sliceable.of(ITEMS), BatchOptions.inOrder());
    assertThat(batches.size()).isEqualTo(3);
    assertThat(collect(batches))
        .containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
    assertThat(batches.batchSizes()).containsExactly(4, 4, 2);
  }

  @Test
  void isReIterable() {
    SizedBatches<List<Integer>> batches =
        Batching.minibatch(3, Sliceable.of(ITEMS), BatchOptions.inOrder().withBuffer(2));
    assertThat(collect(batches)).isEqualTo(collect(batches)).hasSize(4);
  }

  @Test
  void sizeFollowsASchedule() {
    SizedBatches<List<Integer>> batches =
        Batching.minibatch(new Compounding(1, 4, 2), Sliceable.of(ITEMS), BatchOptions.inOrder());
    // Thinc's compounding(1, 4, 2) gives 1, 2, 4, 4, ...; int() truncates.
    assertThat(batches.batchSizes()).containsExactly(1, 2, 4, 3);
    assertThat(collect(batches).get(1)).containsExactly(1, 2);
  }

  @Test
  void shuffledPassesArePermutationsThatRepeatForTheSameSeed() {
    SizedBatches<List<Integer>> a =
        Batching.minibatch(3, Sliceable.of(ITEMS), BatchOptions.shuffled(42));
    SizedBatches<List<Integer>> b =
        Batching.minibatch(3, Sliceable.of(ITEMS), BatchOptions.shuffled(42));
    List<Integer> first = collect(a).stream().flatMap(List::stream).toList();
    List<Integer> second = collect(a).stream().flatMap(List::stream).toList();
    assertThat(first).containsExactlyInAnyOrderElementsOf(ITEMS).isNotEqualTo(ITEMS);
    assertThat(second).containsExactlyInAnyOrderElementsOf(ITEMS).isNotEqualTo(first);
    assertThat(collect(b).stream().flatMap(List::stream).toList()).isEqualTo(first);
  }

  @Test
  void multibatchCutsArraysAtTheSameRows() {
    float[] x = new float[10 * 2];
    int[] y = new int[10];
    for (int i = 0; i < 10; i++) {
      x[2 * i] = i;
      x[2 * i + 1] = -i;
      y[i] = i * 10;
    }
    SizedBatches<Pair<Floats, Ints>> batches = Batching.multibatch(
        4, Sliceable.of(Floats.of(x, 10, 2)), Sliceable.of(Ints.of(y)), BatchOptions.shuffled(7));
    int rows = 0;
    for (Pair<Floats, Ints> batch : batches) {
      assertThat(batch.first().shape()).containsExactly(batch.second().size(), 2);
      for (int r = 0; r < batch.second().size(); r++) {
        assertThat(batch.first().get(r, 0) * 10).isEqualTo((float) batch.second().get(r));
        assertThat(batch.first().get(r, 1)).isEqualTo(-batch.first().get(r, 0));
      }
      rows += batch.second().size();
    }
    assertThat(rows).isEqualTo(10);
  }

  @Test
  void rejectsSequencesOfDifferentLengths() {
    assertThatThrownBy(() -> Batching.multibatch(2, Sliceable.of(ITEMS),
        Sliceable.of(List.of(1, 2)), BatchOptions.inOrder()))
        .isInstanceOf(KilnException.class);
  }

  @Test
  void rejectsABatchSizeBelowOne() {
    assertThatThrownBy(() -> Batching.minibatch(0, Sliceable.of(ITEMS), BatchOptions.inOrder()))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("E180");
  }
}
