package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpareCoreWarmerTest {
  private static Optional<Thread> warmingThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("kiln-warm-up") && thread.isAlive())
        .findFirst();
  }

  @Test
  void warmsOnADaemonThreadThatEndsSoonAfterClose() throws InterruptedException {
    SpareCoreWarmer warmer = SpareCoreWarmer.start();
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
