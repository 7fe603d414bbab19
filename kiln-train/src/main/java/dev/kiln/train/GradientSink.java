package dev.kiln.train;

import dev.kiln.nn.optimizers.StatelessOptimizer;
import java.util.Arrays;

/**
 * An "optimizer" that discards gradients: how a skipped step clears what it accumulated. It keeps
 * nothing, so a discarded step leaves no trace in the model.
 */
final class GradientSink extends StatelessOptimizer {
  static final GradientSink INSTANCE = new GradientSink();

  private GradientSink() {}

  @Override
  public void update(String key, float[] weights, float[] gradient) {
    Arrays.fill(gradient, 0f);
  }
}
