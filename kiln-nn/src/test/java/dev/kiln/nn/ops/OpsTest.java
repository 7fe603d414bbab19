package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.ludovic.netlib.blas.BLAS;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpsTest {
  private static float[] random(Rng rng, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) rng.nextGaussian();
    }
    return out;
  }

  /** Row-major reference: C = alpha op(A) op(B) + beta C. */
  private static float[] naive(boolean ta, boolean tb, int m, int n, int k, float alpha,
      float[] a, float[] b, float beta, float[] c) {
    float[] out = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          float av = ta ? a[p * m + i] : a[i * k + p];
          float bv = tb ? b[j * k + p] : b[p * n + j];
          sum += av * bv;
        }
        out[i * n + j] = (float) (alpha * sum + beta * c[i * n + j]);
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "false,false,1", "false,true,1", "true,false,1", "true,true,1",
    "false,false,2", "false,true,2", "true,false,2", "true,true,2"})
  void gemmMatchesTheNaiveProductForEveryTransposeOnEveryPoolSize(boolean ta, boolean tb,
      int threads) {
    Ops ops = new Ops(BLAS.getInstance(), threads);
    Rng rng = new Rng(3);
    // Large enough to be split across the pool, in both orientations.
    for (int[] s : new int[][] {{67, 129, 70}, {90, 33, 130}, {3, 2, 4}}) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      float[] a = random(rng, m * k);
      float[] b = random(rng, k * n);
      float[] c = random(rng, m * n);
      float[] expected = naive(ta, tb, m, n, k, 0.5f, a, b, 2f, c);
      ops.gemm(ta, tb, m, n, k, 0.5f, a, 0, b, 0, 2f, c, 0);
      assertThat(c).containsExactly(expected, Offset.offset(1e-3f));
    }
  }

  @Test
  void floatsGemmChecksShapes() {
    Ops ops = Ops.get();
    Floats a = Floats.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Floats b = Floats.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    assertThat(ops.gemm(a, false, b, false).data()).containsExactly(4, 5, 10, 11);
    assertThat(ops.gemm(a, true, a, false).shape()).containsExactly(3, 3);
    assertThatThrownBy(() -> ops.gemm(a, false, a, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
  }

  @Test
  void theBackendIsReported() {
    assertThat(Ops.get().backend()).isNotNull();
    assertThat(Ops.get().pool().threads()).isGreaterThanOrEqualTo(1);
  }
}
