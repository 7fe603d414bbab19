package dev.kiln.nn.ops;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * kiln's one thread pool: the caller plus {@code threads - 1} workers that split a range of
 * work into contiguous chunks.
 *
 * <p>Workers spin briefly before parking, because a training step hands out a dozen short tasks
 * (tens to hundreds of microseconds each) and waking a parked thread costs tens of microseconds.
 * The spin is short so that an idle pool leaves the cores to others. Matrix products run
 * single-threaded inside each chunk, so no second pool (OpenBLAS's own) competes for the cores.
 */
public final class WorkPool {
  /** A body of parallel work over the index range {@code [from, to)}. */
  @FunctionalInterface
  public interface Chunk {
    void run(int from, int to);
  }

  private static final long SPIN_NANOS = 100_000;
  private static final long YIELD_AFTER_NANOS = 20_000;

  /** One call of {@link #parallelFor}: chunks are claimed from its own counter. */
  private static final class Job {
    final long number;
    final Chunk body;
    final int size;
    final int chunks;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger pending;
    volatile Throwable failure;

    Job(long number, Chunk body, int size, int chunks) {
      this.number = number;
      this.body = body;
      this.size = size;
      this.chunks = chunks;
      this.pending = new AtomicInteger(chunks);
    }

    void runChunks() {
      int chunk;
      while ((chunk = next.getAndIncrement()) < chunks) {
        int from = (int) ((long) size * chunk / chunks);
        int to = (int) ((long) size * (chunk + 1) / chunks);
        try {
          body.run(from, to);
        } catch (Throwable t) {
          failure = t;
        } finally {
          pending.decrementAndGet();
        }
      }
    }
  }

  private final int threads;
  private final Thread[] workers;
  /**
   * The job being run, and null between jobs: a finished job's body holds whatever its caller
   * captured (a batch's matrices), which a pool kept for serving would otherwise keep alive.
   */
  private volatile Job current;
  private volatile boolean running;
  private long jobsStarted;

  /** A pool of {@code threads} threads in all, the caller included (at least 1). */
  public WorkPool(int threads) {
    this.threads = Math.max(1, threads);
    this.workers = new Thread[this.threads - 1];
    for (int i = 0; i < workers.length; i++) {
      Thread worker = new Thread(this::workLoop, "kiln-work-" + (i + 1));
      worker.setDaemon(true);
      workers[i] = worker;
      worker.start();
    }
  }

  /** The number of threads that share work, the caller included. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, size)} split into at most {@link #threads()} chunks of at
   * least {@code grain} indices each, and returns when every chunk is done. A call made while
   * the pool is busy (from inside a body, or from a second thread) runs inline.
   */
  public void parallelFor(int size, int grain, Chunk body) {
    int chunks = Math.min(threads, Math.max(1, size / Math.max(1, grain)));
    if (chunks <= 1 || running) {
      body.run(0, size);
      return;
    }
    synchronized (this) {
      running = true;
      try {
        Job job = new Job(++jobsStarted, body, size, chunks);
        current = job;
        for (Thread worker : workers) {
          LockSupport.unpark(worker);
        }
        job.runChunks();
        awaitChunks(job);
        current = null;
        rethrow(job.failure);
      } finally {
        running = false;
      }
    }
  }

  /**
   * Waits for chunks other threads are running: spins briefly, then yields the core, because
   * when another process holds the second core the thread being waited for may be runnable but
   * unscheduled, and spinning would keep it off the core.
   */
  private static void awaitChunks(Job job) {
    long spinStart = System.nanoTime();
    while (job.pending.get() != 0) {
      if (System.nanoTime() - spinStart < YIELD_AFTER_NANOS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    } else if (failure instanceof Error fatal) {
      throw fatal;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  private void workLoop() {
    // The last job's number, not the job: holding it would keep its body alive between jobs.
    long done = 0;
    while (true) {
      long spinStart = System.nanoTime();
      Job job;
      while ((job = current) == null || job.number == done) {
        // Not kept in this frame while it waits: the finished job's body holds its caller's arrays.
        job = null;
        if (System.nanoTime() - spinStart < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      job.runChunks();
      done = job.number;
    }
  }
}
