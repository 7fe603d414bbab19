package dev.kiln.train;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Writes once through the JVM's young generation on a spare core while the corpora load, which
 * is single-threaded work. The first write to each page of the heap makes the kernel map and
 * zero it; the young generation is 512 MB (see {@code ./kiln}), and without this its first pass
 * fell inside training: Fashion-MNIST's first epoch took 0.065 s longer, the whole command 0.1 s
 * (8 alternating runs). The arrays it allocates are garbage at once; the trainer's collection
 * before the clock starts clears them.
 */
final class YoungGenerationWarmer implements AutoCloseable {
  private static final int CHUNK = 1 << 20;
  /** Where each chunk is stored, so that the JIT cannot drop the allocation. */
  private static volatile Object sink;

  private volatile boolean stopped;

  private YoungGenerationWarmer() {}

  /** Starts warming when there is a core to spare and a young generation to find. */
  static YoungGenerationWarmer start() {
    YoungGenerationWarmer warmer = new YoungGenerationWarmer();
    long eden = edenBytes();
    if (eden > 0 && Runtime.getRuntime().availableProcessors() > 1) {
      Thread thread = new Thread(() -> warmer.allocate(eden), "kiln-warm-heap");
      thread.setDaemon(true);
      thread.start();
    }
    return warmer;
  }

  /** Stops warming (training is about to start); returns at once. */
  @Override
  public void close() {
    stopped = true;
  }

  private void allocate(long bytes) {
    for (long done = 0; done < bytes && !stopped; done += CHUNK) {
      sink = new byte[CHUNK];
    }
    sink = null;
  }

  private static long edenBytes() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
        return pool.getUsage().getCommitted();
      }
    }
    return 0;
  }
}
