package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class YoungGenerationWarmerTest {
  private static Optional<Thread> warmingThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("kiln-warm-heap") && thread.isAlive())
        .findFirst();
  }

  @Test
  void warmsOnADaemonThreadThatEndsSoonAfterClose() throws InterruptedException {
    YoungGenerationWarmer warmer = YoungGenerationWarmer.start();
    Optional<Thread> thread = warmingThread();
    warmer.close();
    if (thread.isPresent()) {
      assertThat(thread.get().isDaemon()).isTrue();
      thread.get().join(5_000);
      assertThat(thread.get().isAlive()).isFalse();
    }
    assertThat(warmingThread()).isEmpty();
  }
}
