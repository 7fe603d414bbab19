package dev.kiln.nn.optimizers;

import java.nio.file.Path;
import java.util.Map;

/**
 * An optimizer that keeps no state: no schedules, scores, averages or files, and it has updated
 * nothing ({@link #hasUpdated}), so a model it is handed to is left as a stateful optimizer
 * would find it. Only {@link #update} is left to write (the training loop's discard of a skipped
 * step; test doubles).
 */
public abstract class StatelessOptimizer implements Optimizer {
  @Override
  public boolean hasUpdated(String key) {
    return false;
  }

  @Override
  public void stepSchedules() {}

  @Override
  public long scheduleStep() {
    return 0;
  }

  @Override
  public void lastScore(long step, double score) {}

  @Override
  public Map<String, float[]> averages() {
    return Map.of();
  }

  @Override
  public void writeState(Path dir) {}

  @Override
  public void readState(Path dir) {}
}
