package dev.kiln.nn.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Decaying;
import dev.kiln.nn.schedules.Plateau;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An optimizer restored from disk continues exactly as one that never stopped. */
class OptimizerStateTest {
  private static final int STEPS = 20;
  private static final int STOP_AT = 9;

  @TempDir Path dir;

  @Test
  void adamWithSchedulesAveragesAndScoresResumesBitIdentically() {
    assertResumesExactly(() -> new Adam(
        new Plateau(2, 0.5, new Decaying(0.01, 0.1, 0)), new Constant(0.9), new Constant(0.999),
        new Constant(1e-8), OptimizerOptions.defaults().withL2(1e-3, true)), true);
  }

  @Test
  void radamResumesBitIdentically() {
    assertResumesExactly(() -> new RAdam(0.01), true);
  }

  @Test
  void sgdWithoutAveragesResumesBitIdentically() {
    assertResumesExactly(() -> new SGD(new Constant(0.1),
        OptimizerOptions.defaults().withAverages(false).withL2(0.01, false)), false);
  }

  @Test
  void refusesStateOfAnotherOptimizer() {
    new SGD(0.1).writeState(dir);
    assertThatThrownBy(() -> new Adam(0.1).readState(dir))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E165));
  }

  /** {@code stateful}: whether forgetting the state would change the result (not for SGD). */
  private void assertResumesExactly(Supplier<GradientDescent> make, boolean stateful) {
    Run uninterrupted = new Run(make.get());
    for (int step = 0; step < STEPS; step++) {
      uninterrupted.step(step);
    }
    Run first = new Run(make.get());
    for (int step = 0; step < STOP_AT; step++) {
      first.step(step);
    }
    first.optimizer.writeState(dir);
    Run resumed = new Run(make.get());
    resumed.optimizer.readState(dir);
    System.arraycopy(first.a, 0, resumed.a, 0, first.a.length);
    System.arraycopy(first.b, 0, resumed.b, 0, first.b.length);
    for (int step = STOP_AT; step < STEPS; step++) {
      resumed.step(step);
    }
    assertThat(resumed.a).containsExactly(uninterrupted.a);
    assertThat(resumed.b).containsExactly(uninterrupted.b);
    assertThat(resumed.optimizer.learnRate()).isEqualTo(uninterrupted.optimizer.learnRate());
    assertThat(resumed.optimizer.averages().keySet())
        .isEqualTo(uninterrupted.optimizer.averages().keySet());
    uninterrupted.optimizer.averages().forEach((key, average) ->
        assertThat(resumed.optimizer.averages().get(key)).containsExactly(average));

    if (!stateful) {
      return;
    }
    // Without the saved state the same continuation ends elsewhere, so the state mattered.
    Run forgetful = new Run(make.get());
    System.arraycopy(first.a, 0, forgetful.a, 0, first.a.length);
    for (int step = STOP_AT; step < STEPS; step++) {
      forgetful.step(step);
    }
    assertThat(forgetful.a).isNotEqualTo(uninterrupted.a);
  }

  /** Two parameters, "b" updated every other step, gradients drawn from the step number. */
  private static final class Run {
    final GradientDescent optimizer;
    final float[] a = new float[37];
    final float[] b = new float[5];

    Run(GradientDescent optimizer) {
      this.optimizer = optimizer;
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) random.nextGaussian();
      }
    }

    void step(int step) {
      SplittableRandom random = new SplittableRandom(1000 + step);
      optimizer.update("0.W", a, gradient(random, a.length));
      if (step % 2 == 0) {
        optimizer.update("1.b", b, gradient(random, b.length));
      }
      if (step % 3 == 2) {
        optimizer.lastScore(step, step % 6 == 2 ? 0.5 : 0.4);
      }
      optimizer.stepSchedules();
    }

    private static float[] gradient(SplittableRandom random, int size) {
      float[] g = new float[size];
      for (int i = 0; i < size; i++) {
        g[i] = (float) (random.nextGaussian() * 0.5);
      }
      return g;
    }
  }
}
