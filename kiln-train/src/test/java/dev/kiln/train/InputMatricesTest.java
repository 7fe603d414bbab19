package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

class InputMatricesTest {
  @Test
  void aMatrixGivenBackIsLentAgainForItsShape() {
    InputMatrices matrices = new InputMatrices();
    Floats first = matrices.take(128, 784);
    matrices.giveBack(first);

    assertThat(matrices.take(128, 784)).isSameAs(first);
  }

  @Test
  void aMatrixStillHeldIsNeverLentToASecondHolder() {
    InputMatrices matrices = new InputMatrices();
    matrices.giveBack(matrices.take(64, 10));
    Floats held = matrices.take(64, 10);

    Floats second = matrices.take(64, 10);

    assertThat(second).isNotSameAs(held);
    assertThat(second.rows()).isEqualTo(64);
    assertThat(second.cols()).isEqualTo(10);
  }

  @Test
  void eachShapeKeepsItsOwnMatrix() {
    InputMatrices matrices = new InputMatrices();
    Floats training = matrices.take(128, 4);
    Floats evaluation = matrices.take(1024, 4);
    matrices.giveBack(training);
    matrices.giveBack(evaluation);

    assertThat(matrices.take(1024, 4)).isSameAs(evaluation);
    assertThat(matrices.take(128, 4)).isSameAs(training);
  }

  @Test
  void atMostFourShapesAreKept() {
    InputMatrices matrices = new InputMatrices();
    Floats oldest = matrices.take(1, 3);
    matrices.giveBack(oldest);
    for (int rows = 2; rows <= 5; rows++) {
      matrices.giveBack(matrices.take(rows, 3));
    }

    assertThat(matrices.take(1, 3)).isNotSameAs(oldest);
  }

  @Test
  void anOutputThatSharesItsInputIsCopiedBeforeTheInputGoesBack() {
    Floats input = Floats.zeros(2, 2);
    Floats separate = Floats.zeros(2, 2);

    assertThat(InputMatrices.detached(input, input)).isNotSameAs(input);
    assertThat(InputMatrices.detached(input, input).data()).isNotSameAs(input.data());
    assertThat(InputMatrices.detached(separate, input)).isSameAs(separate);
  }
}
