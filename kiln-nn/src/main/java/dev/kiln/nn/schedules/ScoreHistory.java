package dev.kiln.nn.schedules;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation scores reported so far, in step order: what Thinc passes one at a time as
 * {@code last_score}, kept whole so that a schedule reading it stays a pure function.
 */
public record ScoreHistory(List<Score> scores) {
  /** One evaluation: the step it was made at and its score (higher is better). */
  public record Score(long step, double score) {}

  public static final ScoreHistory EMPTY = new ScoreHistory(List.of());

  public ScoreHistory {
    scores = List.copyOf(scores);
  }

  /** This history with one more score appended (the history itself is unchanged). */
  public ScoreHistory with(long step, double score) {
    List<Score> longer = new ArrayList<>(scores.size() + 1);
    longer.addAll(scores);
    longer.add(new Score(step, score));
    return new ScoreHistory(longer);
  }

  public boolean isEmpty() {
    return scores.isEmpty();
  }

  public int size() {
    return scores.size();
  }
}
