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
}
