package dev.kiln.train.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs checkpoint work (forcing files to disk, hashing them for the manifest, renaming) on one
 * background thread, in the order it was submitted, so that the training loop is not kept
 * waiting on the disk. A failure is thrown on the training thread at the next {@link #await}.
 */
public final class BackgroundCommits {
  private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
    Thread daemon = new Thread(task, "kiln-checkpoint");
    // A run that dies leaves at most an unpublished staging directory, which recover() removes.
    daemon.setDaemon(true);
    return daemon;
  });
  private final List<Future<?>> pending = new ArrayList<>();

  /** Queues {@code work} after everything submitted before it. */
  public void submit(Runnable work) {
    pending.add(thread.submit(work));
  }

  /** Waits until everything submitted so far is done; rethrows the first failure. */
  public void await() {
    try {
      for (Future<?> work : pending) {
        awaitOne(work);
      }
    } finally {
      pending.clear();
    }
  }

  private static void awaitOne(Future<?> work) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          work.get();
          return;
        } catch (InterruptedException e) {
          // A checkpoint being written must be finished whatever else happens.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
