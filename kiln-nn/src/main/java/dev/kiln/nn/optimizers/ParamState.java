package dev.kiln.nn.optimizers;

/**
 * What an optimizer remembers about one parameter: how often it was updated, its moments and
 * its moving average. Arrays are allocated once, on the first update.
 */
final class ParamState {
  final int size;
  int updates;
  float[] mom1;
  float[] mom2;
  float[] average;

  ParamState(int size) {
    this.size = size;
  }
}
