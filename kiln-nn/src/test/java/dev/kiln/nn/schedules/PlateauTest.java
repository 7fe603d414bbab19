package dev.kiln.nn.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import org.junit.jupiter.api.Test;

/** Plateau follows Thinc 9's plateau.v1, replayed from the score history. */
class PlateauTest {
  private final Plateau plateau = new Plateau(2, 0.5, new Constant(1.0));

  @Test
  void withoutScoresIsTheInnerSchedule() {
    assertThat(plateau.valueAt(10)).isEqualTo(1.0);
  }

  @Test
  void scalesAfterMaxPatienceEvaluationsWithoutImprovement() {
    ScoreHistory scores = ScoreHistory.EMPTY.with(0, 0.5).with(100, 0.4);
    assertThat(plateau.valueAt(150, scores)).isEqualTo(1.0);
    scores = scores.with(200, 0.5);
    assertThat(plateau.valueAt(250, scores)).isEqualTo(0.5);
    // patience starts again after a plateau, and a new best resets it
    scores = scores.with(300, 0.45).with(400, 0.6).with(500, 0.1);
    assertThat(plateau.valueAt(550, scores)).isEqualTo(0.5);
    scores = scores.with(600, 0.2);
    assertThat(plateau.valueAt(650, scores)).isEqualTo(0.25);
  }

  @Test
  void theSameEvaluationSeenAgainDoesNotCountTwice() {
    ScoreHistory scores = ScoreHistory.EMPTY.with(0, 0.5).with(100, 0.4).with(100, 0.4);
    assertThat(plateau.valueAt(150, scores)).isEqualTo(1.0);
  }

  @Test
  void rejectsScoresOutOfStepOrder() {
    ScoreHistory scores = ScoreHistory.EMPTY.with(100, 0.5).with(200, 0.4).with(50, 0.3);
    assertThatThrownBy(() -> plateau.valueAt(300, scores)).isInstanceOf(KilnException.class)
        .hasMessageContaining("E161");
  }
}
