package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.Scripted.Doc;
import dev.kiln.train.hooks.StopOnNaN;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class TrainingLoopTest {
  /** What the seed's {@code train_while_improving} gives for a score sequence. */
  record SeedRun(List<Long> evaluatedSteps, List<Long> bestSteps, long lastStep) {}

  /** The seed's algorithm transcribed literally, as the reference the loop is checked against. */
  static SeedRun seed(double[] scores, long evalFrequency, long patience, long maxSteps, long stepsAvailable) {
    List<double[]> results = new ArrayList<>();
    List<Long> evaluated = new ArrayList<>();
    List<Long> best = new ArrayList<>();
    int evaluations = 0;
    long step = 0;
    for (; step < stepsAvailable; step++) {
      if (step % evalFrequency == 0) {
        double score = scores[Math.min(evaluations++, scores.length - 1)];
        results.add(new double[] {score, step});
        double max = results.stream().mapToDouble(r -> r[0]).max().orElseThrow();
        evaluated.add(step);
        if (score == max) {
          best.add(step);
        }
      }
      double bestScore = Double.NEGATIVE_INFINITY;
      long bestStep = 0;
      for (double[] r : results) {
        if (r[0] > bestScore || (r[0] == bestScore && -r[1] > -bestStep)) {
          bestScore = r[0];
          bestStep = (long) r[1];
        }
      }
      if (patience > 0 && step - bestStep >= patience) {
        break;
      }
      if (maxSteps > 0 && step >= maxSteps) {
        break;
      }
    }
    return new SeedRun(evaluated, best, Math.min(step, stepsAvailable - 1));
  }

  static LoopSettings settings(long evalFrequency, long patience, long maxSteps) {
    return new LoopSettings(step -> 0.1, evalFrequency, 1, patience, maxSteps, Set.of(), Set.of());
  }

  public static TrainingLoop<Doc> loop(Scripted.Component component, LoopSettings settings, int maxEpochs, int examples) {
    return loop(component, settings, maxEpochs, examples, List.of());
  }

  public static TrainingLoop<Doc> loop(Scripted.Component component, LoopSettings settings, int maxEpochs, int examples, List<Hook> hooks) {
    int[] lengths = new int[examples];
    java.util.Arrays.fill(lengths, 3);
    List<Example<Doc>> data = Scripted.examples(lengths);
    Pipeline<Doc> pipeline = new Pipeline<>(List.of(component));
    TrainBatches<Doc> batches = new TrainBatches<>(
        () -> data, Scripted.batchesOf(1), EpochLimit.fromConfig(maxEpochs), 7,
        OptionalLong.empty(), ProblemPolicy.ERROR, BatchCursor.START);
    ScoreWeights weights = new ScoreWeights(pipeline.defaultScoreWeights());
    Evaluator evaluator = () -> {
      Map<String, Object> scores = pipeline.evaluate(Scripted.examples(2, 2));
      return new EvalResult(weights.mainScore(scores), scores);
    };
    return new TrainingLoop<>(pipeline, new Scripted.CountingOptimizer(), batches, evaluator,
        settings, (p, step, epoch) -> {}, hooks, LoopState.START);
  }

  static SeedRun drive(TrainingLoop<Doc> loop) {
    List<Long> evaluated = new ArrayList<>();
    List<Long> best = new ArrayList<>();
    long last = -1;
    while (loop.hasNext()) {
      StepResult<Doc> result = loop.next();
      last = result.info().step();
      if (result.checkpoint() != Checkpoint.NONE) {
        evaluated.add(last);
      }
      if (result.checkpoint() == Checkpoint.BEST) {
        best.add(last);
      }
    }
    return new SeedRun(evaluated, best, last);
  }

  @Test
  void patienceCountsFromTheEarliestBestScoreAndTiesStillSaveBest() {
    double[] scores = {0.1, 0.5, 0.5, 0.3, 0.2, 0.5, 0.4};
    SeedRun run = drive(loop(new Scripted.Component("c", scores), settings(2, 6, 0), 0, 100));
    // Best 0.5 first at step 2; ties at 4 and 10 count as best (model-best is saved again), but
    // patience counts from step 2, so training stops at step 8.
    assertThat(run).isEqualTo(new SeedRun(List.of(0L, 2L, 4L, 6L, 8L), List.of(0L, 2L, 4L), 8));
    assertThat(run).isEqualTo(seed(scores, 2, 6, 0, 100));
  }

  @Test
  void maxStepsRunsTheStepNumberedMaxSteps() {
    TrainingLoop<Doc> loop = loop(new Scripted.Component("c", 1.0), settings(3, 0, 5), 0, 4);
    SeedRun run = drive(loop);
    assertThat(run.lastStep()).isEqualTo(5);
    assertThat(run.evaluatedSteps()).containsExactly(0L, 3L);
    assertThat(loop.stopReason()).map(StopReason::kind).contains(StopReason.Kind.MAX_STEPS);
    assertThat(run).isEqualTo(seed(new double[] {1.0}, 3, 0, 5, 100));
  }

  @Test
  void matchesTheSeedOverManyRandomScoreSequences() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      double[] scores = new double[30];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = random.nextInt(5) / 4.0;
      }
      long frequency = 1 + random.nextInt(4);
      long patience = random.nextInt(12);
      long maxSteps = random.nextInt(40);
      int epochs = 1 + random.nextInt(3);
      SeedRun actual = drive(loop(new Scripted.Component("c", scores), settings(frequency, patience, maxSteps), epochs, 10));
      assertThat(actual).as("trial %d", trial).isEqualTo(seed(scores, frequency, patience, maxSteps, 10L * epochs));
    }
  }

  @Test
  void fixedEpochsEndTheStreamAndLabelEachBatchWithItsEpoch() {
    TrainingLoop<Doc> loop = loop(new Scripted.Component("c", 1.0), settings(100, 0, 0), 3, 4);
    List<Integer> epochs = new ArrayList<>();
    while (loop.hasNext()) {
      epochs.add(loop.next().info().epoch());
    }
    assertThat(epochs).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    assertThat(loop.stopReason()).map(StopReason::kind).contains(StopReason.Kind.MAX_EPOCHS);
  }

  @Test
  void lossesAccumulateUntilAnEvaluationThenReset() {
    TrainingLoop<Doc> loop = loop(new Scripted.Component("c", 1.0), settings(3, 0, 0), 1, 7);
    List<Double> losses = new ArrayList<>();
    while (loop.hasNext()) {
      losses.add(loop.next().info().losses().get("c"));
    }
    // One example per batch adds 1.0; steps 0, 3, 6 evaluate and reset afterwards.
    assertThat(losses).containsExactly(1.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0);
  }

  @Test
  void aRequestedStopEndsTheLoopBeforeItsNextStep() {
    TrainingLoop<Doc> loop = loop(new Scripted.Component("c", 0.1, 0.2, 0.3), settings(4, 0, 0), 0, 50);
    loop.next();
    loop.requestStop(new StopReason(StopReason.Kind.HOOK, "enough"));
    assertThat(loop.hasNext()).isFalse();
    assertThat(loop.stopReason()).map(Object::toString).contains("hook: enough");
  }

  @Test
  void dropoutIsReadAtTheOptimizersStep() {
    Scripted.Component component = new Scripted.Component("c", 1.0);
    LoopSettings settings = new LoopSettings(step -> step / 10.0, 100, 1, 0, 3, Set.of(), Set.of());
    drive(loop(component, settings, 0, 10));
    assertThat(component.dropouts).containsExactly(0.0, 0.1, 0.2, 0.3);
  }

  @Test
  void aRunResumedFromItsFinalCheckpointTakesNoFurtherStep() {
    TrainingLoop<Doc> first = loop(new Scripted.Component("c", 1.0), settings(100, 0, 5), 0, 10);
    drive(first);
    LoopState finalState = first.state();
    assertThat(finalState.nextStep()).isEqualTo(6);
    int[] lengths = new int[10];
    java.util.Arrays.fill(lengths, 3);
    List<Example<Doc>> data = Scripted.examples(lengths);
    TrainingLoop<Doc> resumed = new TrainingLoop<>(new Pipeline<>(List.of(new Scripted.Component("c", 1.0))),
        new Scripted.CountingOptimizer(),
        new TrainBatches<>(() -> data, Scripted.batchesOf(1), EpochLimit.fromConfig(0), 7, OptionalLong.empty(),
            ProblemPolicy.ERROR, new BatchCursor(0, 0, 6, 6)),
        () -> new EvalResult(1.0, Map.of()), settings(100, 0, 5), (p, step, epoch) -> {}, List.of(), finalState);
    assertThat(resumed.hasNext()).isFalse();
    assertThat(resumed.stopReason()).map(StopReason::kind).contains(StopReason.Kind.MAX_STEPS);
  }

  @Test
  void aStopForANonFiniteLossLeavesTheBadStepUntakenSoThatAResumedRunTrainsItsBatchAgain() {
    List<Example<Doc>> data = Scripted.examples(1, 2, 3, 4, 5, 6, 7, 8);
    Scripted.Component component = new Scripted.Component("c", 1.0);
    component.nanAtUpdate = 2;
    TrainBatches<Doc> batches = batches(data, BatchCursor.START);
    TrainingLoop<Doc> stopped = new TrainingLoop<>(new Pipeline<>(List.of(component)), new Scripted.CountingOptimizer(),
        batches, () -> new EvalResult(1.0, Map.of()), settings(2, 0, 0), (p, step, epoch) -> {},
        List.of(new StopOnNaN(StopOnNaN.Policy.stop, 3)), LoopState.START);
    List<StepResult<Doc>> steps = new ArrayList<>();
    stopped.forEachRemaining(steps::add);

    assertThat(steps).extracting(StepResult::update)
        .containsExactly(StepResult.Update.APPLIED, StepResult.Update.APPLIED, StepResult.Update.STOPPED);
    assertThat(stopped.stopReason()).map(Object::toString).contains("hook: the loss is not finite at step 2");
    // The state model-last saves is the one before step 2: its batch, its evaluation and its
    // random draws are all still to come.
    assertThat(stopped.state().nextStep()).isEqualTo(2);
    assertThat(stopped.state().checkpoints()).extracting(ScoreAtStep::step).containsExactly(0L);
    assertThat(batches.cursor()).isEqualTo(new BatchCursor(0, 0, 2, 2));
    assertThat(component.draws).isEqualTo(2);

    Scripted.Component fixed = new Scripted.Component("c", 1.0);
    TrainingLoop<Doc> resumed = new TrainingLoop<>(new Pipeline<>(List.of(fixed)), new Scripted.CountingOptimizer(),
        batches(data, batches.cursor()), () -> new EvalResult(1.0, Map.of()), settings(2, 0, 0), (p, step, epoch) -> {},
        List.of(new StopOnNaN(StopOnNaN.Policy.stop, 3)), stopped.state());
    StepResult<Doc> first = resumed.next();
    assertThat(first.info().step()).isEqualTo(2);
    assertThat(first.batch()).isEqualTo(steps.get(2).batch());
    assertThat(first.checkpoint()).as("step 2 evaluates, in the resumed run").isNotEqualTo(Checkpoint.NONE);
  }

  private static TrainBatches<Doc> batches(List<Example<Doc>> data, BatchCursor start) {
    return batches(data, start, 0);
  }

  @Test
  void aRunSavedAfterTheLastBatchOfAnEpochEndsThatEpochWhenItResumes() {
    for (long cut : new long[] {5, 7, 8}) {
      List<Integer> ended = new ArrayList<>();
      Hook recorder = new Hook() {
        @Override
        public StopDecision afterEpoch(int epoch, EpochProfile profile) {
          ended.add(epoch);
          return StopDecision.CONTINUE;
        }
      };
      List<Example<Doc>> data = Scripted.examples(3, 3, 3, 3);
      TrainBatches<Doc> batches = batches(data, BatchCursor.START, 3);
      TrainingLoop<Doc> first = resumable(batches, settings(100, 0, cut), List.of(recorder), LoopState.START);
      first.forEachRemaining(step -> { });
      TrainingLoop<Doc> resumed = resumable(batches(data, batches.cursor(), 3), settings(100, 0, 0), List.of(recorder),
          first.state());
      resumed.forEachRemaining(step -> { });
      assertThat(ended).as("cut after step %d", cut).containsExactly(0, 1, 2);
    }
  }

  @Test
  void stopAfterEpochsStopsARunResumedAtTheEndOfItsLastEpochBeforeAnyStep() {
    List<Example<Doc>> data = Scripted.examples(3, 3, 3, 3);
    // Saved after step 7, the last of epoch 1, before the loop saw the epoch end (a checkpoint, a
    // kill, max_steps), or after StopAfter itself stopped the run at that end.
    for (LoopSettings cut : List.of(settings(100, 0, 7), settings(100, 0, 0))) {
      TrainBatches<Doc> batches = batches(data, BatchCursor.START, 0);
      TrainingLoop<Doc> first = resumable(batches, cut, List.of(new dev.kiln.train.hooks.StopAfter(0, 2, 0)),
          LoopState.START);
      List<StepResult<Doc>> steps = new ArrayList<>();
      first.forEachRemaining(steps::add);
      assertThat(steps).hasSize(8);
      TrainingLoop<Doc> resumed = resumable(batches(data, batches.cursor(), 0), settings(100, 0, 0),
          List.of(new dev.kiln.train.hooks.StopAfter(0, 2, 0)), first.state());
      assertThat(resumed.hasNext()).isFalse();
      assertThat(resumed.stopReason()).map(Object::toString).contains("hook: stop_after: 2 epochs done");
    }
  }

  private static TrainingLoop<Doc> resumable(TrainBatches<Doc> batches, LoopSettings settings, List<Hook> hooks,
      LoopState start) {
    return new TrainingLoop<>(new Pipeline<>(List.of(new Scripted.Component("c", 1.0))), new Scripted.CountingOptimizer(),
        batches, () -> new EvalResult(1.0, Map.of()), settings, (p, step, epoch) -> {}, hooks, start);
  }

  private static TrainBatches<Doc> batches(List<Example<Doc>> data, BatchCursor start, int maxEpochs) {
    return new TrainBatches<>(() -> data, Scripted.batchesOf(1), EpochLimit.fromConfig(maxEpochs), 7, OptionalLong.empty(),
        ProblemPolicy.ERROR, start);
  }
}
