package dev.kiln.nn.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassOrderTest {
  @Test
  void eachPassIsAPermutationDrawnFromTheSeedAndThePassAlone() {
    int[] first = PassOrder.shuffled(50, 7, 0);
    assertThat(first).containsExactlyInAnyOrder(IntStream.range(0, 50).toArray());
    assertThat(first).isNotEqualTo(IntStream.range(0, 50).toArray());
    assertThat(PassOrder.shuffled(50, 7, 0)).isEqualTo(first);
    assertThat(PassOrder.shuffled(50, 7, 1)).isNotEqualTo(first);
    assertThat(PassOrder.shuffled(50, 8, 0)).isNotEqualTo(first);
  }

  @Test
  void shuffledMinibatchesVisitItemsInThePassOrder() {
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    SizedBatches<List<Integer>> batches =
        Batching.minibatch(10, Sliceable.of(items), BatchOptions.shuffled(3));
    batches.iterator().next();
    List<Integer> secondPass = batches.iterator().next();
    assertThat(secondPass).containsExactly(IntStream.of(PassOrder.shuffled(10, 3, 1)).boxed()
        .toArray(Integer[]::new));
  }
}
