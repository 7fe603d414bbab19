package dev.kiln.nn.batching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.nn.ThincExpectations;
import dev.kiln.nn.schedules.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unshuffled batches have Thinc 8.1.7's count, sizes and contents, for int and scheduled sizes. */
class ThincBatchingTest {
  @Test
  void matchesThincMinibatch() {
    for (JsonNode c : ThincExpectations.load("batching.json").get("cases")) {
      List<Integer> items = IntStream.range(0, c.get("length").asInt()).boxed().toList();
      Schedule size = ThincExpectations.schedule(c.get("size"));
      SizedBatches<List<Integer>> batches =
          Batching.minibatch(size, Sliceable.of(items), BatchOptions.inOrder());
      List<List<Integer>> expected = new ArrayList<>();
      for (JsonNode batch : c.get("batches")) {
        List<Integer> values = new ArrayList<>();
        batch.forEach(v -> values.add(v.asInt()));
        expected.add(values);
      }
      List<List<Integer>> actual = new ArrayList<>();
      batches.forEach(actual::add);
      assertThat(batches.size()).as(c.toString()).isEqualTo(c.get("count").asInt());
      assertThat(actual).as(c.get("size").toString()).isEqualTo(expected);
    }
  }
}
