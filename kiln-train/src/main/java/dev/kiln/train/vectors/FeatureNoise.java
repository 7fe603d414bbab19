package dev.kiln.train.vectors;

import dev.kiln.nn.Rng;
import dev.kiln.train.Augmenter;
import dev.kiln.train.Example;
import java.util.List;

/**
 * An augmenter that adds Gaussian noise of standard deviation {@code sigma} to the features of
 * a share {@code level} of the training examples (the rest pass unchanged).
 */
final class FeatureNoise implements Augmenter<Labeled> {
  private final double sigma;
  private final double level;

  FeatureNoise(double sigma, double level) {
    this.sigma = sigma;
    this.level = level;
  }

  @Override
  public Iterable<Example<Labeled>> augment(Example<Labeled> example, Rng random) {
    if (random.nextDouble() >= level) {
      return List.of(example);
    }
    FeatureVector features = example.predicted().features();
    float[] values = new float[features.size()];
    features.copyTo(values, 0);
    for (int i = 0; i < values.length; i++) {
      values[i] += (float) (sigma * random.nextGaussian());
    }
    return List.of(Labeled.example(new FeatureVector.Dense(values, features.shape()), example.reference().label()));
  }
}
