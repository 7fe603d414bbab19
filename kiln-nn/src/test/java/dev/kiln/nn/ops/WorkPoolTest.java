package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkPoolTest {
  @Test
  void everyIndexIsVisitedExactlyOnceAcrossManyCalls() {
    WorkPool pool = new WorkPool(3);
    for (int round = 0; round < 200; round++) {
      int size = 1 + round * 7;
      int[] visits = new int[size];
      pool.parallelFor(size, 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          visits[i]++;
        }
      });
      for (int v : visits) {
        assertThat(v).isEqualTo(1);
      }
    }
  }

  @Test
  void smallWorkAndNestedCallsRunInline() {
    WorkPool pool = new WorkPool(2);
    AtomicInteger chunks = new AtomicInteger();
    pool.parallelFor(10, 100, (from, to) -> chunks.incrementAndGet());
    assertThat(chunks).hasValue(1);
    AtomicInteger inner = new AtomicInteger();
    pool.parallelFor(100, 1, (from, to) ->
        pool.parallelFor(100, 1, (a, b) -> inner.addAndGet(b - a)));
    assertThat(inner.get()).isEqualTo(200);
  }

  @Test
  void aFailureInAChunkReachesTheCaller() {
    WorkPool pool = new WorkPool(2);
    assertThatThrownBy(() -> pool.parallelFor(100, 1, (from, to) -> {
      if (from > 0) {
        throw new IllegalStateException("boom");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    int[] sum = new int[1];
    pool.parallelFor(1, 1, (from, to) -> sum[0] += to - from);
    assertThat(sum[0]).isEqualTo(1);
  }

  @Test
  void aFinishedJobsCapturedArraysCanBeCollected() throws InterruptedException {
    WorkPool pool = new WorkPool(2);
    WeakReference<float[]> captured = runOneJobCapturing(pool, new float[1 << 20]);
    // The workers have parked again (or will), holding no job; a few full collections free it.
    for (int attempt = 0; attempt < 50 && captured.get() != null; attempt++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(captured.get()).as("the last job's array, kept by the idle pool").isNull();
  }

  /** Runs one two-chunk job whose body captures {@code array}; returns a weak reference to it. */
  private static WeakReference<float[]> runOneJobCapturing(WorkPool pool, float[] array) {
    pool.parallelFor(array.length, 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        array[i] = i;
      }
    });
    return new WeakReference<>(array);
  }
}
