package dev.kiln.train.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.EpochProfile;
import dev.kiln.train.Hook;
import dev.kiln.train.LoopSettings;
import dev.kiln.train.StepResult;
import dev.kiln.train.StopReason;
import dev.kiln.train.TrainingLoop;
import dev.kiln.train.TrainingLoopTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HooksTest {
  private static final LoopSettings EVERY_STEP_NO_LIMIT =
      new LoopSettings(step -> 0.0, 1000, 1, 0, 0, Set.of(), Set.of());

  private static List<StepResult<?>> drain(TrainingLoop<?> loop) {
    List<StepResult<?>> results = new ArrayList<>();
    loop.forEachRemaining(results::add);
    return results;
  }

  @Test
  void stopAfterEpochsStopsBeforeTheNextEpochsFirstBatch() {
    var loop = TrainingLoopTest.loop(new dev.kiln.train.ScriptedAccess().component(), EVERY_STEP_NO_LIMIT, 0, 4,
        List.of(new StopAfter(0, 2, 0)));
    List<StepResult<?>> steps = drain(loop);
    assertThat(steps).hasSize(8);
    assertThat(loop.stopReason()).map(Object::toString).contains("hook: stop_after: 2 epochs done");
  }

  @Test
  void stopAfterStepsCountsStepsDone() {
    var loop = TrainingLoopTest.loop(new dev.kiln.train.ScriptedAccess().component(), EVERY_STEP_NO_LIMIT, 0, 4,
        List.of(new StopAfter(5, 0, 0)));
    assertThat(drain(loop)).hasSize(5);
  }

  @Test
  void eachNanPolicyKeepsTheBadStepFromBeingApplied() {
    for (StopOnNaN.Policy policy : StopOnNaN.Policy.values()) {
      var access = new dev.kiln.train.ScriptedAccess();
      access.nanAtUpdate(2);
      StopOnNaN guard = new StopOnNaN(policy, 3);
      var loop = TrainingLoopTest.loop(access.component(), EVERY_STEP_NO_LIMIT, 1, 6, List.of(guard));
      List<StepResult<?>> steps = drain(loop);
      List<StepResult.Update> updates = steps.stream().map(StepResult::update).toList();
      switch (policy) {
        case stop -> {
          assertThat(updates).containsExactly(StepResult.Update.APPLIED, StepResult.Update.APPLIED, StepResult.Update.STOPPED);
          assertThat(loop.stopReason()).map(StopReason::kind).contains(StopReason.Kind.HOOK);
        }
        case skip -> assertThat(updates).containsExactly(StepResult.Update.APPLIED, StepResult.Update.APPLIED,
            StepResult.Update.SKIPPED, StepResult.Update.APPLIED, StepResult.Update.APPLIED, StepResult.Update.APPLIED);
        case rollback -> {
          assertThat(updates.get(2)).isEqualTo(StepResult.Update.ROLLBACK);
          assertThat(guard.rollbacks()).isEqualTo(1);
        }
      }
      // The bad step's gradients never reach the optimizer, and its NaN never reaches the losses.
      assertThat(access.finishUpdates()).isEqualTo(updates.stream().filter(u -> u == StepResult.Update.APPLIED).count());
      assertThat(steps).allSatisfy(step -> assertThat(step.info().losses().values()).allMatch(Double::isFinite));
    }
  }

  @Test
  void rollbacksAreLimitedAndRemembered() {
    StopOnNaN guard = new StopOnNaN(StopOnNaN.Policy.rollback, 1);
    assertThat(guard.onNonFiniteLoss(3, Map.of("c", Double.NaN))).isEqualTo(dev.kiln.train.LossGuard.Action.ROLLBACK);
    StopOnNaN restored = new StopOnNaN(StopOnNaN.Policy.rollback, 1);
    restored.restore(guard.state());
    assertThat(restored.onNonFiniteLoss(9, Map.of("c", Double.NaN))).isEqualTo(dev.kiln.train.LossGuard.Action.STOP);
  }

  @Test
  void profileLinesNameEachPhase() {
    assertThat(LogProfile.describe(3, new EpochProfile(0.414, 12.0, 1.3, 0.006)))
        .isEqualTo("epoch 3: data 0.41s, update 12.00s, evaluation 1.30s, hooks 0.01s");
  }

  @Test
  void everyEpochEndsWithItsProfile() {
    List<Integer> epochs = new ArrayList<>();
    Hook recorder = new Hook() {
      @Override
      public dev.kiln.train.StopDecision afterEpoch(int epoch, EpochProfile profile) {
        epochs.add(epoch);
        assertThat(profile.update()).isPositive();
        return dev.kiln.train.StopDecision.CONTINUE;
      }
    };
    drain(TrainingLoopTest.loop(new dev.kiln.train.ScriptedAccess().component(), EVERY_STEP_NO_LIMIT, 3, 2, List.of(recorder)));
    assertThat(epochs).containsExactly(0, 1, 2);
  }
}
