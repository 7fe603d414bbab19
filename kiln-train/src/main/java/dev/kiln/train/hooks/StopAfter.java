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
    return first(steps(firstStep), epochs(epochsDone), seconds(secondsDone));
  }

  @Override
  public StopDecision afterBatch(StepInfo info) {
    return first(steps(info.step() + 1), seconds(info.seconds()));
  }

  @Override
  public StopDecision afterEpoch(int epoch, EpochProfile profile) {
    return epochs(epoch + 1);
  }

  private StopDecision steps(long done) {
    return steps > 0 && done >= steps ? StopDecision.stop("stop_after: " + steps + " steps done") : StopDecision.CONTINUE;
  }

  private StopDecision epochs(int done) {
    return epochs > 0 && done >= epochs ? StopDecision.stop("stop_after: " + epochs + " epochs done") : StopDecision.CONTINUE;
  }

  private StopDecision seconds(double done) {
    return seconds > 0 && done >= seconds
        ? StopDecision.stop("stop_after: " + seconds + " seconds of training") : StopDecision.CONTINUE;
  }

  /** The first decision that stops, in the order given; else continue. */
  private static StopDecision first(StopDecision... decisions) {
    for (StopDecision decision : decisions) {
      if (decision.stop()) {
        return decision;
      }
    }
    return StopDecision.CONTINUE;
  }
}
