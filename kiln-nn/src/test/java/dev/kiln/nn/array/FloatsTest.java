package dev.kiln.nn.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatsTest {
  @Test
  void anArrayOfZeroRowsKeepsItsWidth() {
    assertThat(Floats.zeros(0, 8).cols()).isEqualTo(8);
    assertThat(Floats.zeros(0, 2, 3).cols()).isEqualTo(6);
    assertThat(Floats.zeros(4, 2, 3).cols()).isEqualTo(6);
    assertThat(Floats.zeros(5).cols()).isEqualTo(1);
  }
}
