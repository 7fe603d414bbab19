package dev.kiln.train;

import dev.kiln.config.Config;
import dev.kiln.config.ConfigDiff;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.train.build.SourcedComponents;
import dev.kiln.train.disk.AtomicDirectory;
import dev.kiln.train.disk.BackgroundCommits;
import dev.kiln.train.disk.Manifest;
import dev.kiln.train.disk.PipelineDirectory;
import dev.kiln.train.disk.Provenance;
import dev.kiln.train.disk.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run's directories: {@code model-last/} (with {@code training/}, the state to resume from),
 * {@code model-best/} (a copy of model-last at its best evaluation, without the training state)
 * and {@code checkpoints/step-N/}. Every write is an {@link AtomicDirectory} commit: the files
 * are written on the training thread, then forced to disk and renamed in on a background one.
 *
 * <p>Saved weights are the optimizer's averages when it keeps them (as spaCy saves); the raw
 * weights a resumed run continues from are then saved under {@code training/weights/}.
 */
final class Checkpoints<D extends Datum> {
  private static final String WEIGHTS = "weights";
  private static final String OPTIMIZER = "optimizer";

  private final Path output;
  private final Pipeline<D> pipeline;
  private final Optimizer optimizer;
  private final String configText;
  private final BeforeToDisk beforeToDisk;
  private final BackgroundCommits commits = new BackgroundCommits();

  Checkpoints(Path output, Pipeline<D> pipeline, Optimizer optimizer, String configText, BeforeToDisk beforeToDisk) {
    this.output = output;
    this.pipeline = pipeline;
    this.optimizer = optimizer;
    this.configText = configText;
    this.beforeToDisk = beforeToDisk;
  }

  Path last() {
    return output.resolve("model-last");
  }

  /**
   * The meta of {@code output}'s model-last, after finishing any interrupted commit and checking
   * that it is complete and holds the state to resume from; empty if there is no model-last.
   *
   * @throws KilnException E210/E211 if it is incomplete or damaged, E225 if it holds no training state
   */
  static Optional<Map<String, Object>> resumable(Path output) {
    Path last = output.resolve("model-last");
    AtomicDirectory.recover(last);
    if (!Files.exists(last)) {
      return Optional.empty();
    }
    PipelineDirectory.verify(last);
    if (!Files.isDirectory(last.resolve(PipelineDirectory.TRAINING))) {
      throw new KilnException(ErrorCode.E225, last, "it holds no training state (it is a model-best copy?)");
    }
    return Optional.of(PipelineDirectory.meta(last));
  }

  Optional<Path> best() {
    Path best = output.resolve("model-best");
    return Files.exists(best) ? Optional.of(best) : Optional.empty();
  }

  /**
   * Removes what an earlier run left in the output directory (not done when resuming), creating
   * the directory if needed: an output that cannot be a directory fails here, before training.
   */
  void clearOutput() {
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, output, "it is not a directory and cannot be created as one (" + e + ")");
    }
    for (String name : List.of("model-last", "model-best", "checkpoints")) {
      Path path = output.resolve(name);
      AtomicDirectory.recover(path);
      delete(path);
    }
  }

  /**
   * Writes {@code model-last} with the pipeline, its meta and the state to resume from, and
   * queues its commit; {@link #flush} waits for it.
   */
  void saveLast(Map<String, Object> meta, TrainingState state) {
    commits.await();
    AtomicDirectory.Staged staged = AtomicDirectory.stage(last(), staging -> writeCheckpoint(staging, meta, state));
    commits.submit(staged::publish);
  }

  /** Queues the commit of {@code model-best} as a copy of {@code model-last} without its training state. */
  void copyLastToBest() {
    commits.submit(() ->
        AtomicDirectory.commitCopy(last(), output.resolve("model-best"), staging -> copyTree(last(), staging, true)));
  }

  /**
   * Writes {@code checkpoints/step-N} and queues its commit, after which all but the newest
   * {@code keep} are deleted.
   */
  void saveStep(long step, int keep, Map<String, Object> meta, TrainingState state) {
    commits.await();
    AtomicDirectory.Staged staged = AtomicDirectory.stage(stepDirectory(step), staging -> writeCheckpoint(staging, meta, state));
    commits.submit(() -> {
      staged.publish();
      keepNewestSteps(keep);
    });
  }

  /** Waits until every queued commit is on disk; rethrows the failure of one that failed. */
  void flush() {
    commits.await();
  }

  /**
   * Like {@link #completeBest}, for a step checkpoint that was due at model-last's step but not
   * written before the kill: it is model-last's copy, training state included.
   */
  void completeStep(StepCheckpoints periodic, LoopState resumed) {
    long step = resumed.nextStep() - 1;
    StepInfo at = new StepInfo(0, step, null, Map.of(), Map.of(), List.of(), 0, 0);
    if (step >= 0 && periodic.due(at) && !Files.exists(output.resolve("checkpoints").resolve("step-" + step))) {
      AtomicDirectory.commitCopy(last(), stepDirectory(step), staging -> copyTree(last(), staging, false));
      keepNewestSteps(periodic.keep());
    }
  }

  private Path stepDirectory(long step) {
    return output.resolve("checkpoints").resolve("step-" + step);
  }

  private void keepNewestSteps(int keep) {
    Path directory = output.resolve("checkpoints");
    try (Stream<Path> steps = Files.list(directory)) {
      List<Path> saved = new ArrayList<>(steps
          .filter(path -> path.getFileName().toString().matches("step-\\d+"))
          .sorted(Comparator.comparingLong(path -> Long.parseLong(path.getFileName().toString().substring(5))))
          .toList());
      for (int i = 0; i < saved.size() - keep; i++) {
        delete(saved.get(i));
      }
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, directory, IoReason.of(e));
    }
  }

  /**
   * What differs between the run {@code savedMeta} (model-last's, see {@link #resumable}) came
   * from and this one: its config, data, seed and sources ({@code now}, {@code sourced}).
   */
  ResumeChanges changesSince(Map<String, Object> savedMeta, Provenance now, SourcedComponents sourced) {
    @SuppressWarnings("unchecked")
    Provenance saved = Provenance.fromMap((Map<String, Object>) savedMeta.get("provenance"));
    List<String> others = new ArrayList<>(saved.differences(now));
    List<ConfigDiff.Change> keys = List.of();
    Map<String, Object> current = Map.of();
    if (others.remove("the config changed")) {
      Map<String, Object> before = ConfigDiff.flatten(Config.read(last().resolve(PipelineDirectory.CONFIG)));
      current = ConfigDiff.flatten(Config.parse(configText, "config"));
      List<ConfigDiff.Change> all = ConfigDiff.changes(before, current);
      keys = LaterDefaults.withoutAddedDefaults(all, current);
      // Sections reordered can reorder layers (chain.v1's *) or hooks (restored by position),
      // whether or not a value changed beside them.
      if ((all.isEmpty() && sourced.configChanges().isEmpty()) || ConfigDiff.reordered(before, current)) {
        others.add(0, "the config changed (the order of its sections or keys)");
      }
    }
    others.addAll(sourced.changedSources());
    return ResumeChanges.sort(keys, current, sourced.configChanges(), others);
  }

  /**
   * Finishes the one save a kill can leave undone between two directories: model-last was
   * saved at an evaluation with the best score, but the process died before copying it to
   * model-best. Then model-best is copied now, so the resumed run's directories are those of a
   * run never interrupted.
   */
  void completeBest(LoopState resumed) {
    List<ScoreAtStep> evaluations = resumed.checkpoints();
    if (evaluations.isEmpty()) {
      return;
    }
    ScoreAtStep latest = evaluations.get(evaluations.size() - 1);
    double best = evaluations.stream().mapToDouble(ScoreAtStep::score).max().orElseThrow();
    boolean lastSavedAtBest = latest.score() == best && resumed.nextStep() - 1 == latest.step();
    Path bestDirectory = output.resolve("model-best");
    AtomicDirectory.recover(bestDirectory);
    boolean bestIsCurrent = Files.exists(bestDirectory)
        && PipelineDirectory.meta(bestDirectory).get("step") instanceof Number step && step.longValue() == latest.step();
    if (lastSavedAtBest && !bestIsCurrent) {
      copyLastToBest();
    }
  }

  /** The performance model-last's meta records (its latest evaluation's scores and losses). */
  @SuppressWarnings("unchecked")
  Map<String, Object> lastPerformance() {
    return PipelineDirectory.meta(last()).get("performance") instanceof Map<?, ?> performance
        ? new LinkedHashMap<>((Map<String, Object>) performance) : null;
  }

  /** Loads the weights and optimizer state of {@code model-last} and returns its loop state. */
  TrainingState restoreLast() {
    restoreWeightsAndOptimizer();
    return TrainingState.read(last().resolve(PipelineDirectory.TRAINING));
  }

  /** Restores the weights and optimizer of the last checkpoint (the loop itself goes on). */
  void rollback() {
    commits.await();
    if (Files.exists(last())) {
      restoreWeightsAndOptimizer();
    }
  }

  private void restoreWeightsAndOptimizer() {
    Path training = last().resolve(PipelineDirectory.TRAINING);
    Path rawWeights = training.resolve(WEIGHTS);
    try {
      PipelineDirectory.readComponents(Files.isDirectory(rawWeights) ? rawWeights : last(), pipeline);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E225, last(), "its weights cannot be read: " + e.getMessage());
    }
    optimizer.readState(training.resolve(OPTIMIZER));
  }

  private void writeCheckpoint(Path staging, Map<String, Object> meta, TrainingState state) throws IOException {
    beforeToDisk.call(pipeline);
    Map<String, float[]> averages = optimizer.averages();
    try (Trainable.ParamsSwap swap = pipeline.useParams(averages)) {
      PipelineDirectory.write(staging, configText, meta, pipeline);
    }
    Path training = Files.createDirectory(staging.resolve(PipelineDirectory.TRAINING));
    if (!averages.isEmpty()) {
      PipelineDirectory.writeComponents(Files.createDirectory(training.resolve(WEIGHTS)), pipeline);
    }
    optimizer.writeState(Files.createDirectory(training.resolve(OPTIMIZER)));
    state.write(training);
  }

  private static void copyTree(Path from, Path to, boolean withoutTraining) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        boolean skipped = relative.toString().equals(Manifest.FILE_NAME)
            || (withoutTraining && relative.startsWith(PipelineDirectory.TRAINING));
        if (skipped || relative.toString().isEmpty()) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(to.resolve(relative));
        } else {
          Files.copy(file, to.resolve(relative));
        }
      }
    }
  }

  private static void delete(Path path) {
    try {
      AtomicDirectory.deleteTree(path);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }
}
