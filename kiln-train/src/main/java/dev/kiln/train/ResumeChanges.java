package dev.kiln.train;

import dev.kiln.config.ConfigDiff;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.disk.TrainingState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed since the run in {@code model-last} was saved, sorted into what {@code --resume}
 * takes without {@code --resume-force} and what it refuses (E225).
 *
 * <p>A resumed run may take only changes after which it ends exactly as a run with the new
 * config from the start would: settings that decide when the run stops ({@code max_steps},
 * {@code max_epochs} unless it turns streaming on or off, {@code patience}, the limits of a
 * {@code kiln.StopAfter.v1} hook) and the logger, which only observes. Each step computes the
 * same with any of them, so the steps model-last has behind it are the steps that run would have
 * taken, provided it would not have stopped before them: a limit the run has already passed is
 * refused (E289). Everything else changes what the steps compute (the model, the data and its
 * order, the seed, the optimizer, the batcher, dropout) or which steps evaluate
 * ({@code eval_frequency}: the scores model-best and patience are chosen by, and a plateau
 * schedule's learning rate), and hooks are restored by position, so adding or removing one
 * would hand another's state to a stateful hook.
 *
 * <p>The comparison is of the resolved config, as the run reads it: a variable that a setting
 * takes through interpolation ({@code max_steps = ${vars.steps}}) is not compared itself, only
 * the settings it resolves into, so {@code --vars.steps 120} is taken or refused as
 * {@code --training.max_steps 120} would be, and names {@code training.max_steps}.
 */
final class ResumeChanges {
  private static final Set<String> LIMITS = Set.of(
      "training.max_steps", "training.max_epochs", "training.patience", "distillation.max_steps",
      "distillation.max_epochs");
  private static final Pattern STOP_AFTER_LIMIT = Pattern.compile("training\\.hooks\\.([^.]+)\\.(steps|epochs|seconds)");
  private static final String STOP_AFTER = "kiln.StopAfter.v1";

  private final List<ConfigDiff.Change> allowed;
  private final List<String> refused;

  private ResumeChanges(List<ConfigDiff.Change> allowed, List<String> refused) {
    this.allowed = List.copyOf(allowed);
    this.refused = List.copyOf(refused);
  }

  /**
   * Sorts the changes: {@code config} are the saved config's keys that changed ({@code now} is the
   * new config, flattened as {@link ConfigDiff#flatten} does), {@code otherConfig} changes to the
   * config found otherwise (a sourced component's source), {@code others} what else changed
   * (data, seed, sources), each in words; all of those are refused. A changed key of a section
   * the run does not read ({@code vars.steps}) is left out: the keys that refer to it changed too.
   */
  static ResumeChanges sort(List<ConfigDiff.Change> config, Map<String, Object> now, List<String> otherConfig,
      List<String> others) {
    List<ConfigDiff.Change> allowed = new ArrayList<>();
    List<String> refusedKeys = new ArrayList<>();
    for (ConfigDiff.Change change : config) {
      if (isVariable(change.key())) {
        continue; // its effect, if any, is in the resolved keys that refer to it, each sorted here
      }
      if (allowedWithoutForce(change, now)) {
        allowed.add(change);
      } else {
        refusedKeys.add(change.toString());
      }
    }
    refusedKeys.addAll(otherConfig);
    List<String> refused = new ArrayList<>();
    if (!refusedKeys.isEmpty()) {
      refused.add("the config changed (" + String.join("; ", refusedKeys.subList(0, Math.min(5, refusedKeys.size())))
          + (refusedKeys.size() > 5 ? "; and " + (refusedKeys.size() - 5) + " more" : "") + ")");
    }
    refused.addAll(others);
    return new ResumeChanges(allowed, refused);
  }

  /** Whether {@code key} is in a section the run reads only through references ({@code vars.steps}). */
  private static boolean isVariable(String key) {
    return !TrainingConfig.READ_SECTIONS.contains(key.substring(0, Math.max(0, key.indexOf('.'))));
  }

  private static boolean allowedWithoutForce(ConfigDiff.Change change, Map<String, Object> now) {
    String key = change.key();
    if (key.startsWith("training.logger.")) {
      return true;
    }
    if (change.kind() != ConfigDiff.Change.Kind.CHANGED) {
      return false;
    }
    if (key.equals("training.max_epochs")) {
      // -1 streams the corpus unshuffled: another order of batches.
      return !isStreaming(change.before()) && !isStreaming(change.after());
    }
    Matcher stopAfter = STOP_AFTER_LIMIT.matcher(key);
    if (stopAfter.matches()) {
      return STOP_AFTER.equals(now.get("training.hooks." + stopAfter.group(1) + ".@hooks"));
    }
    return LIMITS.contains(key);
  }

  private static boolean isStreaming(Object maxEpochs) {
    return maxEpochs instanceof Number number && number.longValue() == -1;
  }

  /**
   * Refuses what needs {@code --resume-force}.
   *
   * @throws KilnException E225 naming each change, if any
   */
  void refuseUnforced(Path last) {
    if (!refused.isEmpty()) {
      throw new KilnException(ErrorCode.E225, last, String.join("; ", refused));
    }
  }

  /**
   * Refuses a changed limit that the run in {@code state} has already passed: a run with it from
   * the start would have stopped before the step model-last is at. A limit reached exactly at
   * that step is taken (the resumed run stops at once, as that run would have).
   *
   * @param regime the new config's limits, as the loop reads them
   * @param distilling whether {@code [distillation]}'s limits are the ones in force
   * @throws KilnException E289 naming the setting and why
   */
  void checkLimits(TrainingState state, Regime regime, boolean distilling, Path last) {
    long nextStep = state.loop().nextStep();
    if (nextStep == 0) {
      return;
    }
    long lastStep = nextStep - 1;
    int epoch = state.cursor().epoch(); // the epoch of the last batch trained (see BatchCursor)
    String section = distilling ? "distillation." : "training.";
    for (ConfigDiff.Change change : allowed) {
      String key = change.key();
      Object value = change.after();
      if (key.equals(section + "max_steps") && regime.maxSteps() > 0 && regime.maxSteps() < lastStep) {
        throw new KilnException(ErrorCode.E289, last, key, value, "model-last is at step " + lastStep + ", past it");
      } else if (key.equals(section + "max_epochs") && epochLimit(regime.epochs()) > 0 && epoch >= epochLimit(regime.epochs())) {
        throw new KilnException(ErrorCode.E289, last, key, value, pastEpochs(epoch));
      } else if (!distilling && key.equals("training.patience")) {
        OptionalLong stop = patienceStop(state.loop().checkpoints(), lastStep, regime.patience());
        if (stop.isPresent()) {
          throw new KilnException(ErrorCode.E289, last, key, value, "it would have stopped the run at step "
              + stop.getAsLong() + ", and model-last is at step " + lastStep);
        }
      } else if (key.matches("training\\.hooks\\.[^.]+\\.steps") && value instanceof Number steps
          && steps.longValue() > 0 && steps.longValue() < nextStep) {
        throw new KilnException(ErrorCode.E289, last, key, value, "model-last is at step " + lastStep
            + ", and the hook stops after step " + (steps.longValue() - 1));
      } else if (key.matches("training\\.hooks\\.[^.]+\\.epochs") && value instanceof Number epochs
          && epochs.longValue() > 0 && epoch >= epochs.longValue()) {
        throw new KilnException(ErrorCode.E289, last, key, value, pastEpochs(epoch));
      }
    }
  }

  private static String pastEpochs(int epoch) {
    return "model-last has trained batches of epoch " + epoch + " (epochs count from 0)";
  }

  private static int epochLimit(EpochLimit limit) {
    if (limit instanceof EpochLimit.Fixed fixed) {
      return fixed.epochs();
    }
    return limit instanceof EpochLimit.Streaming streaming ? streaming.epochs() : 0;
  }

  /**
   * The first step before {@code lastStep} after which {@code patience} would have stopped a run
   * with these evaluations, as the loop decides it: {@code patience} steps or more past the
   * earliest step with the best score so far.
   */
  static OptionalLong patienceStop(List<ScoreAtStep> evaluations, long lastStep, long patience) {
    if (patience <= 0) {
      return OptionalLong.empty();
    }
    ScoreAtStep best = null;
    int seen = 0;
    for (long step = 0; step < lastStep; step++) {
      while (seen < evaluations.size() && evaluations.get(seen).step() <= step) {
        ScoreAtStep evaluation = evaluations.get(seen++);
        if (best == null || evaluation.score() > best.score()) {
          best = evaluation;
        }
      }
      if (step - (best == null ? 0 : best.step()) >= patience) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The lines to print when resuming: the changes taken, and those forced past. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (!allowed.isEmpty()) {
      lines.add("Resuming with changed settings, which leave the steps already taken as they are: "
          + String.join("; ", allowed.stream().map(ConfigDiff.Change::toString).toList()));
    }
    if (!refused.isEmpty()) {
      lines.add("Resuming despite changes (--resume-force): " + String.join("; ", refused));
    }
    return lines;
  }
}
