package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundCommitsTest {
  @Test
  void runsWorkInSubmissionOrderAndAwaitSeesItAllDone() {
    BackgroundCommits commits = new BackgroundCommits();
    List<Integer> done = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 50; i++) {
      int index = i;
      commits.submit(() -> done.add(index));
    }
    commits.await();
    assertThat(done).hasSize(50).isSorted();
  }

  @Test
  void aFailureIsThrownOnTheWaitingThreadOnce() {
    BackgroundCommits commits = new BackgroundCommits();
    commits.submit(() -> {
      throw new KilnException(ErrorCode.E212, "model-last", "disk full");
    });
    assertThatThrownBy(commits::await).isInstanceOf(KilnException.class).hasMessageContaining("disk full");
    commits.await();
  }
}
