package dev.kiln.nn.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineTest {
  private final Cosine cosine = new Cosine(1.0, 10, 110, 0.1);

  @Test
  void warmsUpLinearly() {
    assertThat(cosine.valueAt(0)).isEqualTo(0.0);
    assertThat(cosine.valueAt(5)).isEqualTo(0.5);
    assertThat(cosine.valueAt(10)).isEqualTo(1.0);
  }

  @Test
  void decaysAlongAHalfCosineToTheMinimum() {
    assertThat(cosine.valueAt(60)).isCloseTo(0.55, within(1e-12));
    assertThat(cosine.valueAt(110)).isCloseTo(0.1, within(1e-12));
    assertThat(cosine.valueAt(1000)).isCloseTo(0.1, within(1e-12));
  }
}
