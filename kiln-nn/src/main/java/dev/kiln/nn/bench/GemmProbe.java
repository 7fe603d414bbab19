package dev.kiln.nn.bench;

import dev.kiln.nn.ops.Ops;
import dev.ludovic.netlib.blas.BLAS;
import java.util.SplittableRandom;

/** Prints GFLOP/s of the Fashion-MNIST MLP's matrix products on kiln's ops. */
public final class GemmProbe {
  private GemmProbe() {}

  public static void main(String[] args) {
    int threads = Integer.parseInt(args.length > 0 ? args[0] : "2");
    Ops ops = new Ops(BLAS.getInstance(), threads);
    System.out.println("backend " + ops.backend() + " threads " + threads);
    int[][] shapes = {
      // transA, transB, m, n, k
      {0, 1, 128, 256, 784}, {0, 1, 128, 256, 256}, {0, 1, 128, 10, 256},
      {1, 0, 256, 784, 128}, {1, 0, 256, 256, 128}, {1, 0, 10, 256, 128},
      {0, 0, 128, 256, 10}, {0, 0, 128, 256, 256}, {0, 0, 128, 784, 256},
    };
    SplittableRandom rng = new SplittableRandom(0);
    for (int[] s : shapes) {
      int m = s[2], n = s[3], k = s[4];
      float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
      for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
      for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextGaussian();
      boolean ta = s[0] == 1, tb = s[1] == 1;
      for (int i = 0; i < 2000; i++) ops.gemm(ta, tb, m, n, k, 1f, a, 0, b, 0, 0f, c, 0);
      int reps = 5000;
      long t = System.nanoTime();
      for (int i = 0; i < reps; i++) ops.gemm(ta, tb, m, n, k, 1f, a, 0, b, 0, 0f, c, 0);
      double secs = (System.nanoTime() - t) / 1e9;
      System.out.printf("%s%s m=%d n=%d k=%d  %.1f GFLOP/s  %.1f us%n", ta ? "T" : "N",
          tb ? "T" : "N", m, n, k, 2.0 * m * n * k * reps / secs / 1e9, secs / reps * 1e6);
    }
  }
}
