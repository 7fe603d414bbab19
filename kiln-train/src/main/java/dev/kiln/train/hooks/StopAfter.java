package dev.kiln.train.hooks;

import dev.kiln.train.EpochProfile;
import dev.kiln.train.Hook;
import dev.kiln.train.StepInfo;
import dev.kiln.train.StopDecision;

/**
 * Stops training after a number of steps, of epochs, or of seconds of training time, whichever
 * comes first; 0 turns a limit off. All three count across resumes: resuming a run it stopped
 * trains nothing more.
 */
public final class StopAfter implements Hook {
  private final long steps;
  private final int epochs;
  private final double seconds;

  public StopAfter(long steps, int epochs, double seconds) {
    this.steps = steps;
    this.epochs = epochs;
    this.seconds = seconds;
  }

  @Override
  public StopDecision beforeTraining(long firstStep, int epochsDone, double secondsDone) {
    if (steps > 0 && firstStep >= steps) {
      return StopDecision.stop("stop_after: " + steps + " steps done");
    }
    if (epochs > 0 && epochsDone >= epochs) {
      return StopDecision.stop("stop_after: " + epochs + " epochs done");
    }
    if (seconds > 0 && secondsDone >= seconds) {
      return StopDecision.stop("stop_after: " + seconds + " seconds of training");
    }
    return StopDecision.CONTINUE;
  }

  @Override
  public StopDecision afterBatch(StepInfo info) {
    if (steps > 0 && info.step() + 1 >= steps) {
      return StopDecision.stop("stop_after: " + steps + " steps done");
    }
    if (seconds > 0 && info.seconds() >= seconds) {
      return StopDecision.stop("stop_after: " + seconds + " seconds of training");
    }
    return StopDecision.CONTINUE;
  }

  @Override
  public StopDecision afterEpoch(int epoch, EpochProfile profile) {
    if (epochs > 0 && epoch + 1 >= epochs) {
      return StopDecision.stop("stop_after: " + epochs + " epochs done");
    }
    return StopDecision.CONTINUE;
  }
}
