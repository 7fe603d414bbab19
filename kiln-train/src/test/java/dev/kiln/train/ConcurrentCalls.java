package dev.kiln.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Calls made from several threads at once, as a server's request threads make them, for tests
 * that a shared component gives each caller what one thread alone would get.
 */
public final class ConcurrentCalls {
  private ConcurrentCalls() {}

  /**
   * Runs {@code calls} calls of {@code call} on each of {@code threads} threads at once; thread
   * {@code t} passes its own random source seeded {@code firstSeed + t}, from which the call
   * picks its input. Each call returns how many of its results differ from one thread's.
   *
   * @return the differing results of all calls
   */
  public static int mismatches(int threads, int calls, long firstSeed, ToIntFunction<SplittableRandom> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(firstSeed + t);
        counts.add(pool.submit(() -> {
          int wrong = 0;
          for (int i = 0; i < calls; i++) {
            wrong += call.applyAsInt(random);
          }
          return wrong;
        }));
      }
      int wrong = 0;
      for (Future<Integer> count : counts) {
        wrong += count.get();
      }
      return wrong;
    } finally {
      pool.shutdownNow();
    }
  }
}
