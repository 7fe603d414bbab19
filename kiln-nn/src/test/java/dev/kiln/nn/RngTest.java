package dev.kiln.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {
  @Test
  void stateRestoresTheStream() {
    Rng rng = new Rng(5);
    rng.nextLong();
    long state = rng.state();
    long a = rng.nextLong();
    rng.setState(state);
    assertThat(rng.nextLong()).isEqualTo(a);
  }

  @Test
  void derivedStreamsDependOnSeedAndPath() {
    assertThat(Rng.derive(1, "a").nextLong()).isEqualTo(Rng.derive(1, "a").nextLong());
    assertThat(Rng.derive(1, "a").nextLong()).isNotEqualTo(Rng.derive(1, "b").nextLong());
    assertThat(Rng.derive(1, "a").nextLong()).isNotEqualTo(Rng.derive(2, "a").nextLong());
  }

  @Test
  void uniformAndGaussianMoments() {
    Rng rng = new Rng(9);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    double uniformSum = 0;
    for (int i = 0; i < n; i++) {
      double g = rng.nextGaussian();
      sum += g;
      sumSq += g * g;
      float u = rng.nextFloat();
      assertThat(u).isBetween(0f, 1f).isLessThan(1f);
      uniformSum += u;
    }
    assertThat(sum / n).isBetween(-0.01, 0.01);
    assertThat(sumSq / n).isBetween(0.98, 1.02);
    assertThat(uniformSum / n).isBetween(0.495, 0.505);
  }
}
