package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRowsTest {
  @Test
  void pixelAndDenseRowsAreWidenedIntoTheirOwnRows() {
    byte[] shared = {0, 51, (byte) 255, 102, 10, 20};
    List<FeatureVector> vectors = List.of(
        new FeatureVector.Pixels(shared, 3, 3),
        new FeatureVector.Dense(new float[] {-1f, 0.5f, 7f}),
        new FeatureVector.Pixels(shared, 0, 3));
    FeatureRows rows = FeatureRows.gather("classifier", vectors.size(), vectors::get);
    float[] out = new float[9];
    out[0] = 42f;
    rows.copyRows(out, 1, 3);
    assertThat(out).containsExactly(42f, 0f, 0f, -1f, 0.5f, 7f, 0f, 51 / 255f, 1f);
    rows.copyRows(out, 0, 1);
    assertThat(out).startsWith(102 / 255f, 10 / 255f, 20 / 255f);
    assertThat(rows.width()).isEqualTo(3);
  }

  @Test
  void anImageOfAnotherShapeWithTheSamePixelCountIsRefusedNamingItsFileAndBothShapes() {
    ImageShape trained = new ImageShape(2, 3, 1, "train-images-idx3-ubyte");
    ImageShape same = new ImageShape(2, 3, 1, "dev-images-idx3-ubyte");
    ImageShape other = new ImageShape(3, 2, 1, "wide-images-idx3-ubyte");
    byte[] pixels = new byte[6];
    List<FeatureVector> vectors = List.of(new FeatureVector.Pixels(pixels, same),
        new FeatureVector.Dense(new float[6]), new FeatureVector.Pixels(pixels, other));
    assertThat(FeatureRows.gather("classifier", 2, vectors::get, trained).width())
        .as("the same shape read from elsewhere, and a row of no known shape, pass").isEqualTo(6);
    assertThatThrownBy(() -> FeatureRows.gather("classifier", 3, vectors::get, trained))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E263))
        .hasMessageStartingWith("[E263] component classifier: wide-images-idx3-ubyte holds images of 3×2×1 pixels")
        .hasMessageContaining("trained on images of 2×3×1");
  }

  @Test
  void aRowOfAnotherWidthIsReportedWithItsIndex() {
    List<FeatureVector> vectors = List.of(
        new FeatureVector.Dense(new float[2]), new FeatureVector.Dense(new float[2]),
        new FeatureVector.Dense(new float[5]));
    assertThatThrownBy(() -> FeatureRows.gather("classifier", vectors.size(), vectors::get))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E230))
        .hasMessageContaining("classifier").hasMessageContaining("record 2 of a batch has 5");
  }
}
