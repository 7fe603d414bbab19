package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * spaCy's {@code train_while_improving}, step for step, as an iterator; {@link TrainingSession}
 * drives it with the logger and the checkpoints, for library users and the CLI.
 *
 * <p>Each step: the before-update callback, dropout from its schedule at the optimizer's step,
 * the batch split into {@code accumulate_gradient} sub-batches updated without an optimizer step,
 * one {@code finishUpdate} per trainable non-frozen component, {@code stepSchedules}; then, when
 * {@code step % eval_frequency == 0}, an evaluation under the optimizer's averages. Training
 * stops after {@code patience} steps past the earliest best score, after step {@code max_steps},
 * when the batches run out, or when {@link #requestStop} was called. A loss guard that stops
 * training at a step whose loss is not finite stops it before that step: the step's result is
 * {@link StepResult.Update#STOPPED}, and the loop's state is the one before it.
 *
 * <p>Built, the loop calls every hook's {@code beforeTraining}, with the steps and epochs a
 * resumed run has behind it; it then calls {@code afterBatch}, {@code afterEvaluation} and
 * {@code afterEpoch} as the run goes, each epoch's end once across resumes.
 */
public final class TrainingLoop<D extends Datum> implements Iterator<StepResult<D>> {
  private final Pipeline<D> pipeline;
  private final Optimizer optimizer;
  private final BatchStream<D> batches;
  private final Evaluator evaluator;
  private final LoopSettings settings;
  private final BeforeUpdate beforeUpdate;
  private final List<Hook> hooks;
  private final List<LossGuard> guards = new ArrayList<>();

  private final List<ScoreAtStep> checkpoints;
  private final LossTotals losses = new LossTotals();
  private long step;
  private long words;
  private final double secondsBefore;
  private final long startNanos = System.nanoTime();
  private Pipeline<D> teacher;
  private UnaryOperator<String> teacherOf = UnaryOperator.identity();
  private StopReason stopReason;
  private StopReason requestedStop;
  /** The epoch of the batches being trained, whose end the hooks have not seen yet; -1 for none. */
  private int epoch;
  private EpochProfile profile = EpochProfile.ZERO;

  public TrainingLoop(
      Pipeline<D> pipeline, Optimizer optimizer, BatchStream<D> batches,
      Evaluator evaluator, LoopSettings settings, BeforeUpdate beforeUpdate, List<Hook> hooks,
      LoopState start) {
    this.pipeline = pipeline;
    this.optimizer = optimizer;
    this.batches = batches;
    this.evaluator = evaluator;
    this.settings = settings;
    this.beforeUpdate = beforeUpdate;
    this.hooks = List.copyOf(hooks);
    for (Hook hook : this.hooks) {
      if (hook instanceof LossGuard guard) {
        guards.add(guard);
      }
    }
    this.checkpoints = new ArrayList<>(start.checkpoints());
    start.losses().forEach(losses::add);
    this.step = start.nextStep();
    this.words = start.words();
    this.secondsBefore = start.seconds();
    this.epoch = start.openEpoch().orElse(-1);
    if (step > 0) {
      // A run resumed from its final checkpoint has nothing left to do: the step before it
      // already met a stop condition.
      checkStop(step - 1);
    }
    // The cursor's epoch is the last batch's until the next batch is drawn; an open epoch is not done.
    int epochsDone = start.openEpoch().orElse(batches.cursor().epoch());
    for (Hook hook : this.hooks) {
      consider(hook.beforeTraining(step, epochsDone, start.seconds()));
    }
  }

  @Override
  public boolean hasNext() {
    if (stopReason != null) {
      return false;
    }
    if (requestedStop != null) {
      stopReason = requestedStop;
      return false;
    }
    long started = System.nanoTime();
    boolean more = batches.hasNext();
    time(EpochProfile.Phase.DATA, started);
    if (!more) {
      endEpoch();
      stopReason = requestedStop != null ? requestedStop : new StopReason(StopReason.Kind.MAX_EPOCHS, "");
      return false;
    }
    if (batches.peek().epoch() != epoch) {
      endEpoch();
      epoch = batches.peek().epoch();
      if (requestedStop != null) {
        stopReason = requestedStop;
        return false;
      }
    }
    return true;
  }

  /** Runs one step. */
  @Override
  public StepResult<D> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("training has stopped: " + stopReason);
    }
    long started = System.nanoTime();
    // Taken from the stream only once the step counts: a step a loss guard stops leaves its
    // batch for a resumed run.
    EpochBatch<D> batch = batches.peek();
    time(EpochProfile.Phase.DATA, started);
    started = System.nanoTime();
    beforeUpdate.call(pipeline, step, batch.epoch());
    StepResult.Update update = update(batch.examples());
    time(EpochProfile.Phase.UPDATE, started);
    if (update == StepResult.Update.STOPPED) {
      StepInfo info = new StepInfo(batch.epoch(), step, null, Map.of(), losses.snapshot(), checkpoints,
          (long) seconds(), words);
      return new StepResult<>(batch.examples(), info, Checkpoint.NONE, update);
    }
    batches.next();
    started = System.nanoTime();
    Optional<EvalResult> evaluation = maybeEvaluate();
    time(EpochProfile.Phase.EVALUATION, started);
    Checkpoint checkpoint = evaluation.map(result -> isBest(result.score())).orElse(Checkpoint.NONE);
    words += Example.totalLength(batch.examples());
    StepInfo info = new StepInfo(
        batch.epoch(), step,
        evaluation.map(EvalResult::score).orElse(null),
        evaluation.map(EvalResult::scores).orElse(Map.of()),
        losses.snapshot(), checkpoints, (long) seconds(), words);
    if (checkpoint != Checkpoint.NONE) {
      losses.clear();
    }
    started = System.nanoTime();
    for (Hook hook : hooks) {
      consider(hook.afterBatch(info));
      if (checkpoint != Checkpoint.NONE) {
        consider(hook.afterEvaluation(info, checkpoint == Checkpoint.BEST));
      }
    }
    time(EpochProfile.Phase.HOOKS, started);
    checkStop(step);
    step++;
    return new StepResult<>(batch.examples(), info, checkpoint, update);
  }

  /**
   * Makes every step learn from {@code teacher}'s outputs instead of the gold annotations
   * (spaCy's distillation loop); {@code teacherOf} names the teacher component of each student
   * component.
   */
  public TrainingLoop<D> distillingFrom(Pipeline<D> teacher, UnaryOperator<String> teacherOf) {
    this.teacher = teacher;
    this.teacherOf = teacherOf;
    return this;
  }

  /** Asks the loop to stop before its next step (a hook's request, or Ctrl-C). */
  public void requestStop(StopReason reason) {
    if (requestedStop == null) {
      requestedStop = reason;
    }
  }

  /** Why training stopped, once it has. */
  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  /** The state to save for resume: valid between steps. */
  public LoopState state() {
    return new LoopState(step, checkpoints, losses.snapshot(), words, seconds(),
        epoch >= 0 ? OptionalInt.of(epoch) : OptionalInt.empty());
  }

  private StepResult.Update update(List<Example<D>> batch) {
    double dropout = settings.dropout().applyAsDouble(optimizer.scheduleStep());
    if (!Dropout.isRate(dropout)) {
      throw new KilnException(ErrorCode.E209, dropout, step);
    }
    Map<String, Double> before = losses.snapshot();
    Map<String, Map<String, Long>> randomBefore = guards.isEmpty() ? Map.of() : pipeline.randomStates();
    for (List<Example<D>> subbatch : Subbatches.split(batch, settings.accumulateGradient())) {
      if (teacher == null) {
        pipeline.update(subbatch, dropout, losses, settings.frozen(), settings.annotating());
      } else {
        pipeline.distill(teacher, subbatch, dropout, losses, settings.frozen(), settings.annotating(), teacherOf);
      }
    }
    LossGuard.Action action = guard(before);
    if (action != LossGuard.Action.APPLY) {
      pipeline.finishUpdate(GradientSink.INSTANCE, settings.frozen());
      losses.clear();
      before.forEach(losses::add);
      return switch (action) {
        case SKIP -> StepResult.Update.SKIPPED;
        case ROLLBACK -> StepResult.Update.ROLLBACK;
        default -> {
          // Undone to its random draws, so that the state saved is the one before the step.
          pipeline.restoreRandomStates(randomBefore);
          requestStop(new StopReason(StopReason.Kind.HOOK, "the loss is not finite at step " + step));
          yield StepResult.Update.STOPPED;
        }
      };
    }
    pipeline.finishUpdate(optimizer, settings.frozen());
    optimizer.stepSchedules();
    return StepResult.Update.APPLIED;
  }

  /** The strictest action any loss guard asks for when this step's loss is not finite. */
  private LossGuard.Action guard(Map<String, Double> before) {
    Map<String, Double> stepLosses = new java.util.LinkedHashMap<>();
    boolean finite = true;
    for (Map.Entry<String, Double> total : losses.snapshot().entrySet()) {
      double delta = total.getValue() - before.getOrDefault(total.getKey(), 0.0);
      stepLosses.put(total.getKey(), delta);
      finite &= Double.isFinite(delta);
    }
    LossGuard.Action action = LossGuard.Action.APPLY;
    if (!finite) {
      for (LossGuard lossGuard : guards) {
        LossGuard.Action asked = lossGuard.onNonFiniteLoss(step, stepLosses);
        action = asked.compareTo(action) > 0 ? asked : action;
      }
    }
    return action;
  }

  private Optional<EvalResult> maybeEvaluate() {
    if (step % settings.evalFrequency() != 0) {
      return Optional.empty();
    }
    EvalResult result;
    try (Trainable.ParamsSwap swap = pipeline.useParams(optimizer.averages())) {
      result = evaluator.evaluate();
    }
    optimizer.lastScore(step, result.score());
    checkpoints.add(new ScoreAtStep(result.score(), step));
    return Optional.of(result);
  }

  private Checkpoint isBest(double score) {
    double best = Double.NEGATIVE_INFINITY;
    for (ScoreAtStep checkpoint : checkpoints) {
      best = Math.max(best, checkpoint.score());
    }
    return score == best ? Checkpoint.BEST : Checkpoint.NOT_BEST;
  }

  private void checkStop(long doneStep) {
    if (settings.patience() > 0 && doneStep - bestStep() >= settings.patience()) {
      stopReason = new StopReason(StopReason.Kind.PATIENCE,
          settings.patience() + " steps without improvement since step " + bestStep());
    } else if (settings.maxSteps() > 0 && doneStep >= settings.maxSteps()) {
      stopReason = new StopReason(StopReason.Kind.MAX_STEPS, "step " + doneStep);
    }
  }

  /** The earliest step with the highest score; ties go to the earliest, as in spaCy. */
  private long bestStep() {
    ScoreAtStep best = null;
    for (ScoreAtStep checkpoint : checkpoints) {
      if (best == null || checkpoint.score() > best.score()) {
        best = checkpoint;
      }
    }
    return best == null ? 0 : best.step();
  }

  private double seconds() {
    return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  private void endEpoch() {
    if (epoch < 0) {
      return;
    }
    long started = System.nanoTime();
    EpochProfile finished = profile;
    for (Hook hook : hooks) {
      consider(hook.afterEpoch(epoch, finished));
    }
    profile = EpochProfile.ZERO;
    time(EpochProfile.Phase.HOOKS, started);
    epoch = -1;
  }

  private void consider(StopDecision decision) {
    if (decision.stop()) {
      requestStop(new StopReason(StopReason.Kind.HOOK, decision.reason()));
    }
  }

  private void time(EpochProfile.Phase phase, long startedNanos) {
    profile = profile.plus(phase, (System.nanoTime() - startedNanos) / 1e9);
  }
}
