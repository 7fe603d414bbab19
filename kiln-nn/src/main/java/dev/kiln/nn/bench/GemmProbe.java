package dev.kiln.nn.bench;

import dev.kiln.nn.Rng;
import dev.kiln.nn.ops.Ops;
import dev.ludovic.netlib.blas.BLAS;
import java.util.Locale;

/**
 * Prints the GFLOP/s of the Fashion-MNIST MLP's nine matrix products (forward, weight
 * gradients, input gradients) on kiln's ops with a pool of {@code args[0]} threads, to decide
 * how to share the cores between kiln's pool and OpenBLAS's.
 */
public final class GemmProbe {
  /** transA, transB, m, n, k of each product of one training step at batch 128. */
  private static final int[][] SHAPES = {
    {0, 1, 128, 256, 784}, {0, 1, 128, 256, 256}, {0, 1, 128, 10, 256},
    {1, 0, 256, 784, 128}, {1, 0, 256, 256, 128}, {1, 0, 10, 256, 128},
    {0, 0, 128, 256, 10}, {0, 0, 128, 256, 256}, {0, 0, 128, 784, 256},
  };

  private GemmProbe() {}

  public static void main(String[] args) {
    int threads = Integer.parseInt(args.length > 0 ? args[0] : "2");
    Ops ops = new Ops(BLAS.getInstance(), threads);
    System.out.println("backend " + ops.backend() + ", kiln threads " + threads
        + ", OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS"));
    Rng rng = new Rng(0);
    for (int[] s : SHAPES) {
      boolean transA = s[0] == 1;
      boolean transB = s[1] == 1;
      int m = s[2];
      int n = s[3];
      int k = s[4];
      float[] a = gaussian(rng, m * k);
      float[] b = gaussian(rng, k * n);
      float[] c = new float[m * n];
      Runnable product = () -> ops.gemm(transA, transB, m, n, k, 1f, a, 0, b, 0, 0f, c, 0);
      for (int i = 0; i < 2000; i++) {
        product.run();
      }
      int reps = 5000;
      long start = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        product.run();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s%s m=%d n=%d k=%d  %.1f GFLOP/s  %.1f us%n",
          transA ? "T" : "N", transB ? "T" : "N", m, n, k, 2.0 * m * n * k * reps / secs / 1e9,
          secs / reps * 1e6);
    }
  }

  private static float[] gaussian(Rng rng, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) rng.nextGaussian();
    }
    return out;
  }
}
