package dev.kiln.nn.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CategoricalCrossentropyTest {
  private final Floats guesses = Floats.of(new float[] {0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f}, 2, 3);

  @Test
  void gradientIsGuessesMinusOneHotOverRows() {
    LossResult<Floats> result = new CategoricalCrossentropy().compute(guesses, Ints.of(new int[] {0, 2}));
    assertThat(result.gradient().data())
        .containsExactly((0.7f - 1f) / 2, 0.2f / 2, 0.1f / 2, 0.1f / 2, 0.1f / 2, (0.8f - 1f) / 2);
    assertThat(result.gradient().shape()).containsExactly(2, 3);
  }

  @Test
  void idsAndOneHotRowsGiveTheSameGradient() {
    var loss = new CategoricalCrossentropy();
    Floats oneHot = Floats.of(new float[] {0, 1, 0, 1, 0, 0}, 2, 3);
    assertThat(loss.compute(guesses, oneHot).gradient().data())
        .containsExactly(loss.compute(guesses, Ints.of(new int[] {1, 0})).gradient().data());
  }

  @Test
  void missingLabelsGetNoGradient() {
    var loss = new CategoricalCrossentropy(false, 0.0, OptionalInt.of(-1));
    float[] d = loss.compute(guesses, Ints.of(new int[] {-1, 2})).gradient().data();
    assertThat(d).startsWith(0f, 0f, 0f);
    assertThat(d[5]).isEqualTo(0.8f - 1f);
  }

  @Test
  void rejectsGuessesThatAreNotProbabilities() {
    Floats logits = Floats.of(new float[] {2f, -1f}, 1, 2);
    assertThatThrownBy(() -> new CategoricalCrossentropy().compute(logits, Ints.of(new int[] {0})))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E171));
  }

  @Test
  void rejectsClassIdsOutsideTheOutput() {
    assertThatThrownBy(() -> new CategoricalCrossentropy().compute(guesses, Ints.of(new int[] {0, 3})))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E173));
  }

  @Test
  void rejectsTooMuchLabelSmoothing() {
    var loss = new CategoricalCrossentropy(true, 0.7, OptionalInt.empty());
    assertThatThrownBy(() -> loss.compute(guesses, Ints.of(new int[] {0, 1})))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E172));
  }
}
