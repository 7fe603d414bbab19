package dev.kiln.train;

import dev.kiln.nn.optimizers.Optimizer;
import java.util.Map;

/** An "optimizer" that discards gradients: how a skipped step clears what it accumulated. */
final class GradientSink implements Optimizer {
  static final GradientSink INSTANCE = new GradientSink();

  private GradientSink() {}

  @Override
  public void update(String key, float[] weights, float[] gradient) {
    java.util.Arrays.fill(gradient, 0f);
  }

  /** It keeps nothing, so a discarded step leaves no trace in the model. */
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
  public void writeState(java.nio.file.Path dir) {}

  @Override
  public void readState(java.nio.file.Path dir) {}
}
