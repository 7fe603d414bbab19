package dev.kiln.train;

import dev.kiln.train.disk.OutputLock;
import dev.kiln.train.log.TrainLogger;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A training run driven step by step, as spaCy's training generator or flax_extra's
 * {@code TrainLoop} is: {@link Trainer#session} reads the data and initializes (or resumes) the
 * pipeline, then each {@link #next} trains one batch, evaluating, logging, checkpointing and
 * calling hooks exactly as {@code kiln train} does. {@link #finish} saves {@code model-last} and
 * ends the run; {@link #close} without it leaves {@code model-last} at its last checkpoint, as a
 * failed step or a {@code kill -9} would.
 *
 * <pre>{@code
 * try (TrainingSession<Doc> session = Trainer.session(config, registries, TrainOptions.to(output))) {
 *   while (session.hasNext()) {
 *     StepResult<Doc> step = session.next();
 *     if (step.info().score() != null && step.info().score() > 0.95) {
 *       session.requestStop("good enough");
 *     }
 *   }
 *   TrainResult result = session.finish();
 * }
 * }</pre>
 */
public final class TrainingSession<D extends Datum> implements Iterator<StepResult<D>>, AutoCloseable {
  private final Trainer<D> trainer;
  private final TrainingLoop<D> loop;
  private final TrainBatches<D> batches;
  private final TrainLogger.Session log;
  private final AtomicBoolean interrupt;
  /** The output directory is this run's until the session ends. */
  private final OutputLock outputLock;
  private boolean ended;

  TrainingSession(Trainer<D> trainer, TrainingLoop<D> loop, TrainBatches<D> batches, TrainLogger.Session log,
      AtomicBoolean interrupt, OutputLock outputLock) {
    this.trainer = trainer;
    this.loop = loop;
    this.batches = batches;
    this.log = log;
    this.interrupt = interrupt;
    this.outputLock = outputLock;
  }

  /** Whether another step will run: false once a stop condition, a hook or a request stopped the run. */
  @Override
  public boolean hasNext() {
    if (!ended && interrupt.get()) {
      loop.requestStop(new StopReason(StopReason.Kind.INTERRUPTED, "Ctrl-C"));
    }
    return more();
  }

  /**
   * Whether the loop has another step, without reading the interrupt flag: a Ctrl-C that comes
   * after {@link #hasNext} said yes stops the run after that step, rather than failing the
   * {@link #next} the caller was promised.
   */
  private boolean more() {
    if (ended) {
      return false;
    }
    try {
      // Ending an epoch calls the hooks' afterEpoch, which may fail as a step may.
      return loop.hasNext();
    } catch (RuntimeException | Error e) {
      fail();
      throw e;
    }
  }

  /**
   * Trains one batch, then logs, checkpoints and calls the hooks. A step that throws ends the
   * run, leaving {@code model-last} at its last checkpoint (resuming from a step cut short would
   * not be exact).
   */
  @Override
  public StepResult<D> next() {
    if (!more()) {
      throw new NoSuchElementException("training has stopped" + loop.stopReason().map(reason -> ": " + reason).orElse(""));
    }
    try {
      StepResult<D> step = loop.next();
      trainer.afterStep(step, loop, batches, log);
      return step;
    } catch (RuntimeException | Error e) {
      fail();
      throw e;
    }
  }

  /** Runs up to {@code steps} steps; returns the last, if any ran (flax_extra's {@code run}). */
  public Optional<StepResult<D>> run(long steps) {
    StepResult<D> last = null;
    for (long i = 0; i < steps && hasNext(); i++) {
      last = next();
    }
    return Optional.ofNullable(last);
  }

  /** Runs until a step evaluates, or the run stops (flax_extra's {@code next_checkpoint}). */
  public Optional<StepResult<D>> nextCheckpoint() {
    while (hasNext()) {
      StepResult<D> step = next();
      if (step.checkpoint() != Checkpoint.NONE) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** Stops the run before its next step; {@code why} is the stop reason meta.json records. */
  public void requestStop(String why) {
    loop.requestStop(new StopReason(StopReason.Kind.REQUESTED, Objects.requireNonNull(why, "why")));
  }

  /** The pipeline being trained, with its current weights (not the optimizer's averages). */
  public Pipeline<D> pipeline() {
    return trainer.pipeline();
  }

  /**
   * Ends the run, stopping it first if it has not stopped by itself: saves {@code model-last}
   * with the reason, waits until every checkpoint is on disk, closes the logger and hooks.
   *
   * @throws IllegalStateException if the run has already ended
   */
  public TrainResult finish() {
    if (ended) {
      throw new IllegalStateException("the training session has already ended");
    }
    if (loop.stopReason().isEmpty()) {
      requestStop("finished by the caller");
      loop.hasNext();
    }
    boolean saved = false;
    try {
      trainer.saveFinal(loop, batches, log);
      saved = true;
    } catch (RuntimeException | Error e) {
      trainer.reportFailure(loop);
      throw e;
    } finally {
      end(saved);
    }
    return trainer.result(loop);
  }

  /** Ends a run that {@link #finish} did not: model-last stays at its last checkpoint. */
  @Override
  public void close() {
    if (!ended) {
      end(false);
    }
  }

  private void fail() {
    trainer.reportFailure(loop);
    end(false);
  }

  private void end(boolean success) {
    ended = true;
    try {
      trainer.end(success, log);
    } finally {
      outputLock.close();
    }
  }
}
