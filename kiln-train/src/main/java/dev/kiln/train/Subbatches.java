package dev.kiln.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** spaCy's {@code subdivide_batch}: a batch split for {@code accumulate_gradient}. */
final class Subbatches {
  private Subbatches() {}

  /**
   * The batch sorted by length (stable) and cut into {@code parts} runs of
   * {@code size / parts} examples, the remainder forming one more run; empty runs are dropped.
   */
  static <D extends Datum> List<List<Example<D>>> split(List<Example<D>> batch, int parts) {
    if (parts == 1 && ascending(batch)) {
      // What sorting would give; images and table rows all have length 1.
      return List.of(batch);
    }
    List<Example<D>> sorted = new ArrayList<>(batch);
    sorted.sort(Comparator.comparingInt(Example::length));
    List<List<Example<D>>> runs = new ArrayList<>();
    int runLength = sorted.size() / parts;
    int start = 0;
    for (int i = 0; i < parts; i++) {
      int end = Math.min(start + runLength, sorted.size());
      if (end > start) {
        runs.add(sorted.subList(start, end));
      }
      start = end;
    }
    if (start < sorted.size()) {
      runs.add(sorted.subList(start, sorted.size()));
    }
    return runs;
  }

  private static boolean ascending(List<? extends Example<?>> batch) {
    for (int i = 1; i < batch.size(); i++) {
      if (batch.get(i).length() < batch.get(i - 1).length()) {
        return false;
      }
    }
    return true;
  }
}
