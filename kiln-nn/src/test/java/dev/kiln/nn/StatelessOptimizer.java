package dev.kiln.nn;

import dev.kiln.nn.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.Map;

/**
 * An optimizer for tests that keeps no state: no schedules, scores, averages or files, and it
 * has updated nothing ({@link #hasUpdated}), so only {@link #update} is left to write.
 */
abstract class StatelessOptimizer implements Optimizer {
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
