package dev.kiln.nn.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression: Adam slowed 13x once moments of rarely-updated weights decayed to subnormals. */
class SubnormalMomentsTest {
  @Test
  void momentsOfAWeightWhoseGradientStaysZeroNeverTurnSubnormal() {
    Adam adam = new Adam(0.001,
        OptimizerOptions.defaults().withGradClip(0).withL2(0, true).withAverages(false));
    float[] weights = new float[4];
    adam.update("w", weights, new float[] {1e-3f, -1e-3f, 1f, 1e-20f});
    for (int update = 2; update <= 2000; update++) {
      adam.update("w", weights, new float[4]);
      for (float[] values : moments(adam, "w").values()) {
        // Entries decaying from normal values are flushed before they turn subnormal; the
        // squared 1e-20 gradient starts subnormal and is gone at the first flush.
        for (int i = 0; i < values.length; i++) {
          if (i < 3 || update >= 64) {
            assertThat(values[i] == 0f || Math.abs(values[i]) >= Float.MIN_NORMAL)
                .as("moment %s of entry %d after update %d", values[i], i, update).isTrue();
          }
        }
      }
    }
    assertThat(moments(adam, "w").get("mom1")).containsOnly(0f);
  }

  private static Map<String, float[]> moments(GradientDescent optimizer, String key) {
    ParamState state = optimizer.states().get(key);
    return Map.of("mom1", state.mom1, "mom2", state.mom2);
  }
}
