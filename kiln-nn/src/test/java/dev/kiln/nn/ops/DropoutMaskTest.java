package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutMaskTest {
  private static final int N = 1 << 20;

  private static float[] mask(long key, float rate) {
    float[] mask = new float[N];
    Kernels.dropoutMask(key, rate, mask, 0, N);
    return mask;
  }

  @Test
  void dropsTheRateOfEntriesAndScalesTheRest() {
    for (float rate : new float[] {0.1f, 0.2f, 0.5f, 0.9f}) {
      float[] mask = mask(42, rate);
      int dropped = 0;
      for (float m : mask) {
        if (m == 0f) {
          dropped++;
        } else {
          assertThat(m).isEqualTo(1f / (1f - rate));
        }
      }
      // Binomial standard deviation at N = 2^20 is under 0.0005.
      assertThat(dropped / (double) N).isCloseTo(rate, offset(0.003));
    }
  }

  @Test
  void theMaskDependsOnTheKeyAndNotOnHowTheBlocksAreSplit() {
    float[] whole = mask(7, 0.2f);
    float[] pieces = new float[N];
    int block = Kernels.DROPOUT_BLOCK;
    Kernels.dropoutMask(7, 0.2f, pieces, 0, 3 * block);
    Kernels.dropoutMask(7, 0.2f, pieces, 3 * block, 100 * block);
    Kernels.dropoutMask(7, 0.2f, pieces, 100 * block, N);
    assertThat(Arrays.equals(pieces, whole)).isTrue();
    assertThat(Arrays.equals(mask(8, 0.2f), whole)).isFalse();
  }

  @Test
  void neighbouringEntriesAndNeighbouringKeysAreIndependent() {
    float rate = 0.3f;
    float[] a = mask(1, rate);
    float[] b = mask(2, rate);
    int bothNeighbours = 0;
    int bothKeys = 0;
    for (int i = 0; i + 1 < N; i++) {
      bothNeighbours += a[i] == 0f && a[i + 1] == 0f ? 1 : 0;
      bothKeys += a[i] == 0f && b[i] == 0f ? 1 : 0;
    }
    assertThat(bothNeighbours / (double) N).isCloseTo(rate * rate, offset(0.003));
    assertThat(bothKeys / (double) N).isCloseTo(rate * rate, offset(0.003));
  }
}
