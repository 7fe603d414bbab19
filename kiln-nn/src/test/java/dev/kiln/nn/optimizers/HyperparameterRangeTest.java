package dev.kiln.nn.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.schedules.Schedule;
import org.junit.jupiter.api.Test;

/** Hyperparameters are checked at every step their schedules are read, as PyTorch checks them once. */
class HyperparameterRangeTest {
  private static final Schedule FIXED_BETA1 = (step, scores) -> 0.9;
  private static final Schedule FIXED_BETA2 = (step, scores) -> 0.999;
  private static final Schedule FIXED_EPS = (step, scores) -> 1e-8;

  @Test
  void aLearningRateScheduleThatTurnsNegativeStopsAtThatStep() {
    // 0.01, 0.006, 0.002, then -0.002 at step 3.
    Schedule falling = (step, scores) -> 0.01 - 0.004 * step;
    Adam adam = new Adam(falling, FIXED_BETA1, FIXED_BETA2, FIXED_EPS, OptimizerOptions.defaults());
    adam.stepSchedules();
    adam.stepSchedules();
    assertThat(adam.learnRate()).isCloseTo(0.002, within(1e-12));
    assertThatThrownBy(adam::stepSchedules)
        .hasMessageStartingWith("[E166] optimizer Adam: learn_rate is -0.002")
        .hasMessageContaining("at step 3, but must be at least 0");
  }

  @Test
  void decayRatesMustStayBelowOneAndOtherValuesAtOrAboveZero() {
    Schedule one = (step, scores) -> 1.0;
    Schedule notANumber = (step, scores) -> Double.NaN;
    assertThatThrownBy(() -> new Adam((s, h) -> 0.001, FIXED_BETA1, one, FIXED_EPS, OptimizerOptions.defaults()))
        .hasMessageContaining("beta2 is 1.0 at step 0, but must be in [0, 1)");
    assertThatThrownBy(() -> new RAdam((s, h) -> 0.001, FIXED_BETA1, FIXED_BETA2, notANumber, OptimizerOptions.defaults()))
        .hasMessageContaining("optimizer RAdam: eps is NaN");
    assertThatThrownBy(() -> new SGD((s, h) -> 0.1, OptimizerOptions.defaults().withGradClip(-1)))
        .hasMessageContaining("optimizer SGD: grad_clip is -1.0");
    new Adam((s, h) -> 0.0, (s, h) -> 0.0, (s, h) -> 0.0, (s, h) -> 0.0, OptimizerOptions.defaults());
  }

  /** Regression: an infinite learning rate ({@code 1e400} in a config) passed "at least 0" and trained into NaN. */
  @Test
  void anInfiniteValueIsRefused() {
    Schedule infinite = (step, scores) -> Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> new Adam(infinite, FIXED_BETA1, FIXED_BETA2, FIXED_EPS, OptimizerOptions.defaults()))
        .hasMessageStartingWith("[E166] optimizer Adam: learn_rate is Infinity at step 0, but must be at least 0 and finite");
    assertThatThrownBy(() -> new SGD((s, h) -> 0.1, OptimizerOptions.defaults().withGradClip(Double.POSITIVE_INFINITY)))
        .hasMessageContaining("optimizer SGD: grad_clip is Infinity");
  }
}
