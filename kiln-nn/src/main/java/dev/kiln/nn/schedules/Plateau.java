package dev.kiln.nn.schedules;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;

/**
 * {@code schedule} scaled by {@code scale^n}, where {@code n} counts the plateaus so far: runs of
 * {@code maxPatience} evaluations without a new best score (Thinc 9's {@code plateau.v1}).
 *
 * <p>Thinc keeps the count in mutable state updated as scores arrive; here it is replayed from
 * the score history, which gives the same count and keeps the schedule a pure function.
 */
public record Plateau(int maxPatience, double scale, Schedule schedule) implements Schedule {
  public Plateau {
    if (maxPatience < 1) {
      throw new KilnException(ErrorCode.E160, "plateau.v1", "max_patience", "at least 1",
          maxPatience);
    }
  }

  @Override
  public double valueAt(long step, ScoreHistory scores) {
    return Math.pow(scale, plateaus(scores)) * schedule.valueAt(step, scores);
  }

  /** How many times the patience ran out, replaying the scores in order. */
  int plateaus(ScoreHistory scores) {
    Double best = null;
    Long lastStep = null;
    int patience = 0;
    int plateaus = 0;
    for (ScoreHistory.Score score : scores.scores()) {
      if (best == null || lastStep == null || score.score() > best) {
        best = score.score();
        patience = 0;
      } else if (score.step() < lastStep) {
        throw new KilnException(ErrorCode.E161, "plateau.v1", score.step(), lastStep);
      } else if (score.step() > lastStep) {
        patience++;
        if (patience == maxPatience) {
          plateaus++;
          patience = 0;
        }
      }
      lastStep = score.step();
    }
    return plateaus;
  }
}
