package dev.kiln.nn.batching;

import java.util.SplittableRandom;

/**
 * The order in which one pass over {@code n} training items visits them: a Fisher-Yates shuffle
 * drawn from the run's seed and the pass number alone. A resumed run therefore rebuilds any
 * pass's order without replaying the ones before, and every trainer that shuffles through this
 * class ({@code kiln train}'s batches, {@link SizedBatches}, the Fashion-MNIST bench) visits the
 * same items in the same order at the same seed.
 */
public final class PassOrder {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private PassOrder() {}

  /** The items {@code 0..n-1} in pass {@code pass}'s shuffled order. */
  public static int[] shuffled(int n, long seed, int pass) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // SplittableRandom mixes its seed, so neighbouring passes give unrelated orders.
    SplittableRandom random = new SplittableRandom(seed * GOLDEN + pass);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
