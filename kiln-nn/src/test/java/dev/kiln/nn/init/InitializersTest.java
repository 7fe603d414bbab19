package dev.kiln.nn.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

class InitializersTest {
  private static double std(Floats x) {
    double sum = 0;
    double sumSq = 0;
    for (float v : x.data()) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / x.size();
    return Math.sqrt(sumSq / x.size() - mean * mean);
  }

  @Test
  void glorotUniformStaysWithinItsLimit() {
    Floats w = Initializers.glorotUniform().apply(new Rng(1), 200, 100);
    double limit = Math.sqrt(6.0 / 300);
    assertThat(w.shape()).containsExactly(200, 100);
    for (float v : w.data()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
    }
    assertThat(std(w)).isCloseTo(limit / Math.sqrt(3), org.assertj.core.data.Offset.offset(0.005));
  }

  @Test
  void normalInitializersHaveThincScales() {
    Rng rng = new Rng(2);
    org.assertj.core.data.Offset<Double> tol = org.assertj.core.data.Offset.offset(0.01);
    assertThat(std(Initializers.glorotNormal().apply(rng, 300, 100)))
        .isCloseTo(Math.sqrt(2.0 / 400), tol);
    assertThat(std(Initializers.heNormal().apply(rng, 300, 100)))
        .isCloseTo(Math.sqrt(2.0 / 100), tol);
    assertThat(std(Initializers.normalInit(0).apply(rng, 300, 100)))
        .isCloseTo(Math.sqrt(1.0 / 100), tol);
  }

  @Test
  void uniformAndZero() {
    Floats u = Initializers.uniformInit(2, 3).apply(new Rng(3), 1000);
    for (float v : u.data()) {
      assertThat(v).isBetween(2f, 3f);
    }
    assertThat(Initializers.zeroInit().apply(new Rng(3), 4, 2).data()).containsOnly(0f);
  }

  @Test
  void theSameRngStateGivesTheSameValues() {
    Floats a = Initializers.heNormal().apply(new Rng(4), 5, 5);
    Floats b = Initializers.heNormal().apply(new Rng(4), 5, 5);
    assertThat(a.data()).containsExactly(b.data());
  }
}
