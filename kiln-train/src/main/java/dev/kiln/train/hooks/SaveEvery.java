package dev.kiln.train.hooks;

import dev.kiln.train.Hook;
import dev.kiln.train.StepCheckpoints;
import dev.kiln.train.StepInfo;

/** Saves a resumable step checkpoint ({@code checkpoints/step-N}) every N steps, keeping the last K. */
public final class SaveEvery implements Hook, StepCheckpoints {
  private final long steps;
  private final int keep;

  public SaveEvery(long steps, int keep) {
    this.steps = steps;
    this.keep = keep;
  }

  @Override
  public boolean due(StepInfo info) {
    return info.step() > 0 && info.step() % steps == 0;
  }

  @Override
  public int keep() {
    return keep;
  }
}
