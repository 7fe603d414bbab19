package dev.kiln.nn.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatsTest {
  @Test
  void anArrayOfZeroRowsKeepsItsWidth() {
    assertThat(Floats.zeros(0, 8).cols()).isEqualTo(8);
    assertThat(Floats.zeros(0, 2, 3).cols()).isEqualTo(6);
    assertThat(Floats.zeros(4, 2, 3).cols()).isEqualTo(6);
    assertThat(Floats.zeros(5).cols()).isEqualTo(1);
  }

  @Test
  void aShapeBeyondAJavaArrayIsACodedErrorNotAnOverflow() {
    // A batch of 8 images of 20000×20000 pixels, as kiln.ImageFolder.v1 reads them: Math.toIntExact threw.
    assertThatThrownBy(() -> Floats.zeros(8, 400_000_000)).hasMessage("[E111] an array of shape [8, 400000000] would hold"
        + " 3200000000 values, more than a Java array holds (2147483647). Use smaller inputs (images of fewer pixels,"
        + " rows of fewer features) or smaller batches.");
    assertThatThrownBy(() -> Floats.zeros(65536, 65536, 65536, 65536)).hasMessageContaining("would hold 18446744073709551616 values");
  }
}
