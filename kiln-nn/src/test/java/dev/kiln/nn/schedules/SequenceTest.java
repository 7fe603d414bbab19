package dev.kiln.nn.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTest {
  @Test
  void keepsTheLastValueOnceExhaustedAsThincDoes() {
    Sequence sequence = new Sequence(List.of(0.1, 0.2, 0.3));
    assertThat(sequence.valueAt(0)).isEqualTo(0.1);
    assertThat(sequence.valueAt(2)).isEqualTo(0.3);
    assertThat(sequence.valueAt(99)).isEqualTo(0.3);
  }
}
