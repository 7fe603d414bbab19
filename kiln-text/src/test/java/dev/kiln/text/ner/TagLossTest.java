package dev.kiln.text.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

class TagLossTest {
  @Test
  void unknownGoldTagsGiveNoGradientNorLoss() {
    Floats scores = Floats.of(new float[] {1, 2, 3, 0, 0, 5}, 2, 3);
    Floats gradient = Floats.zeros(2, 3);
    double loss = TagLoss.accumulate(scores, new int[] {-1, 2}, 0.5f, gradient);
    assertThat(new float[] {gradient.get(0, 0), gradient.get(0, 1), gradient.get(0, 2)}).containsOnly(0f);
    double p = Math.exp(5) / (2 + Math.exp(5));
    assertThat(gradient.get(1, 2)).isCloseTo((float) ((p - 1) * 0.5), within(1e-6f));
    assertThat(gradient.get(1, 0)).isCloseTo((float) ((1 - p) / 2 * 0.5), within(1e-6f));
    assertThat(loss).isCloseTo(-Math.log(p), within(1e-6));
  }

  @Test
  void logProbabilitiesAreANormalisedLogSoftmax() {
    float[][] logs = TagLoss.logProbabilities(Floats.of(new float[] {0, 0, 1000, 1000}, 2, 2));
    assertThat(logs[0][0]).isCloseTo((float) Math.log(0.5), within(1e-6f));
    assertThat(logs[1][1]).isCloseTo((float) Math.log(0.5), within(1e-6f));
  }
}
