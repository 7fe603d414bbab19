package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.ConfigDiff;
import dev.kiln.config.KilnException;
import dev.kiln.train.disk.TrainingState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResumeChangesTest {
  private static final String BEFORE = String.join("\n",
      "[training]", "seed = 1", "max_steps = 60", "max_epochs = 0", "patience = 20", "eval_frequency = 10",
      "[training.logger]", "@loggers = \"kiln.ConsoleLogger.v1\"",
      "[training.hooks]", "[training.hooks.stop]", "@hooks = \"kiln.StopAfter.v1\"", "steps = 0", "epochs = 0",
      "[training.hooks.nan]", "@hooks = \"kiln.StopOnNaN.v1\"", "max_rollbacks = 3", "");

  private static ResumeChanges changes(String after) {
    return changes(BEFORE, after);
  }

  private static ResumeChanges changes(String before, String after) {
    Config old = Config.parse(before, "before");
    Config now = Config.parse(after, "after");
    return ResumeChanges.sort(ConfigDiff.changes(old, now), ConfigDiff.flatten(now), List.of(), List.of());
  }

  private static String changed(String... replacements) {
    String text = BEFORE;
    for (int i = 0; i < replacements.length; i += 2) {
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return text;
  }

  @Test
  void limitsTheLoggerAndStopAfterLimitsChangeWithoutForce() {
    ResumeChanges changes = changes(changed("max_steps = 60", "max_steps = 120", "patience = 20", "patience = 40",
        "max_epochs = 0", "max_epochs = 5", "steps = 0", "steps = 300", "kiln.ConsoleLogger.v1", "kiln.ConsoleLogger.v2"));
    changes.refuseUnforced(Path.of("model-last"));
    assertThat(changes.describe()).singleElement().asString()
        .startsWith("Resuming with changed settings")
        .contains("training.max_steps: 60 -> 120", "training.patience: 20 -> 40", "training.max_epochs: 0 -> 5",
            "training.hooks.stop.steps: 0 -> 300", "training.logger.@loggers");
  }

  @Test
  void whatChangesTheStepsTakenNeedsForce() {
    for (String[] change : new String[][] {
        {"eval_frequency = 10", "eval_frequency = 20"}, {"seed = 1", "seed = 2"}, {"max_epochs = 0", "max_epochs = -1"},
        {"max_rollbacks = 3", "max_rollbacks = 4"}, {"[training.hooks.nan]", "[training.hooks.other]"}}) {
      ResumeChanges changes = changes(changed(change));
      assertThatThrownBy(() -> changes.refuseUnforced(Path.of("model-last")))
          .isInstanceOf(KilnException.class).hasMessageStartingWith("[E225]").hasMessageContaining("the config changed (");
    }
  }

  @Test
  void patienceStopsWhereTheLoopWouldHave() {
    List<ScoreAtStep> evaluations = List.of(new ScoreAtStep(0.5, 0), new ScoreAtStep(0.7, 10), new ScoreAtStep(0.7, 20),
        new ScoreAtStep(0.6, 30), new ScoreAtStep(0.8, 40));
    assertThat(ResumeChanges.patienceStop(evaluations, 50, 30)).isEmpty();
    assertThat(ResumeChanges.patienceStop(evaluations, 50, 20)).isEqualTo(OptionalLong.of(30));
    assertThat(ResumeChanges.patienceStop(evaluations, 30, 20)).as("stopping at model-last's own step is exact").isEmpty();
    assertThat(ResumeChanges.patienceStop(evaluations, 50, 0)).isEmpty();
  }

  @Test
  void aLimitTheRunHasPassedIsRefused() {
    TrainingState state = new TrainingState(new LoopState(61, List.of(new ScoreAtStep(0.5, 0), new ScoreAtStep(0.6, 50)),
        Map.of(), 0, 0.0), new BatchCursor(3, 3, 2, 2), List.of(), Map.of());
    Path last = Path.of("model-last");
    assertThatThrownBy(() -> changes(changed("max_steps = 60", "max_steps = 30"))
        .checkLimits(state, regime(30, 20, 0), false, last))
        .hasMessageStartingWith("[E289] cannot resume from model-last with training.max_steps = 30: model-last is at step 60");
    changes(changed("max_steps = 60", "max_steps = 60")).checkLimits(state, regime(60, 20, 0), false, last);
    assertThatThrownBy(() -> changes(changed("max_epochs = 0", "max_epochs = 3"))
        .checkLimits(state, regime(60, 20, 3), false, last))
        .hasMessageContaining("model-last has trained batches of epoch 3");
    changes(changed("max_epochs = 0", "max_epochs = 4")).checkLimits(state, regime(60, 20, 4), false, last);
    assertThatThrownBy(() -> changes(changed("patience = 20", "patience = 5"))
        .checkLimits(state, regime(60, 5, 0), false, last))
        .hasMessageContaining("it would have stopped the run at step 5, and model-last is at step 60");
    assertThatThrownBy(() -> changes(changed("steps = 0", "steps = 50")).checkLimits(state, regime(60, 20, 0), false, last))
        .hasMessageContaining("training.hooks.stop.steps = 50: model-last is at step 60, and the hook stops after step 49");
  }

  @Test
  void aLimitSetThroughAVariableChangesWithoutForceAndIsNamedByItsSetting() {
    String before = changed("max_steps = 60", "max_steps = ${vars.steps}") + "[vars]\nsteps = 60\n";
    ResumeChanges changes = changes(before, before.replace("steps = 60", "steps = 120"));
    changes.refuseUnforced(Path.of("model-last"));
    assertThat(changes.describe()).singleElement().asString()
        .endsWith("as they are: training.max_steps: 60 -> 120");
  }

  @Test
  void aVariableThatAlsoFeedsARefusedSettingNeedsForce() {
    String before = changed("max_steps = 60", "max_steps = ${vars.n}", "eval_frequency = 10", "eval_frequency = ${vars.n}")
        + "[vars]\nn = 10\n";
    ResumeChanges changes = changes(before, before.replace("n = 10", "n = 20"));
    assertThatThrownBy(() -> changes.refuseUnforced(Path.of("model-last")))
        .hasMessageStartingWith("[E225]").hasMessageContaining("the config changed (training.eval_frequency: 10 -> 20)")
        .hasMessageNotContaining("vars.n").hasMessageNotContaining("max_steps");
  }

  @Test
  void aLimitSetThroughAVariableThatTheRunHasPassedIsRefused() {
    TrainingState state = new TrainingState(new LoopState(61, List.of(), Map.of(), 0, 0.0), new BatchCursor(3, 3, 2, 2),
        List.of(), Map.of());
    String before = changed("max_steps = 60", "max_steps = ${vars.steps}") + "[vars]\nsteps = 60\n";
    ResumeChanges changes = changes(before, before.replace("steps = 60", "steps = 30"));
    Path last = Path.of("model-last");
    assertThatThrownBy(() -> {
      changes.refuseUnforced(last); // as the trainer does: E225 first, then E289
      changes.checkLimits(state, regime(30, 20, 0), false, last);
    }).hasMessageStartingWith("[E289] cannot resume from model-last with training.max_steps = 30: model-last is at step 60");
  }

  private static Regime regime(long maxSteps, long patience, int maxEpochs) {
    return new Regime("corpora.train", EpochLimit.fromConfig(maxEpochs), null, null, null, maxSteps, patience);
  }
}
