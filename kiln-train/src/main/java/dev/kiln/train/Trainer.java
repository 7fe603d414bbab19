package dev.kiln.train;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Section;
import dev.kiln.nn.ops.Ops;
import dev.kiln.train.build.PipelineBuilder;
import dev.kiln.train.build.SourcedComponents;
import dev.kiln.train.disk.OutputLock;
import dev.kiln.train.disk.Provenance;
import dev.kiln.train.disk.TrainingState;
import dev.kiln.train.init.InitializeSection;
import dev.kiln.train.init.InitializeSettings;
import dev.kiln.train.log.LogContext;
import dev.kiln.train.log.TrainLogger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kiln train}: spaCy's {@code train} around the {@link TrainingLoop} — build the pipeline,
 * initialize it (or restore it to resume), run the loop, save {@code model-last} at every
 * evaluation and at the end, copy it to {@code model-best} when the score is the best, and keep
 * the logger and hooks informed. Every save is atomic.
 */
public final class Trainer<D extends Datum> {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final TrainingConfig config;
  private final TrainingSettings settings;
  private final Pipeline<D> pipeline;
  private final Corpora<D> corpora;
  private final Regime regime;
  private final TrainOptions options;
  private final Checkpoints<D> checkpoints;
  /** The components taken from trained pipelines: their sections and where they came from. */
  private final SourcedComponents sourced;
  /** Where each sourced component came from, for meta.json. */
  private final Map<String, Object> sourcedOrigins = new LinkedHashMap<>();
  /**
   * The output directory's lock when taken before building the run (to resume, which reads
   * model-last first), else empty: {@link #start} takes it.
   */
  private final Optional<OutputLock> heldLock;
  /** model-last's meta when resuming from it (verified), else empty. */
  private final Optional<Map<String, Object>> resumedMeta;
  private final Provenance provenance;
  private final List<Hook> hooks;
  /** The teacher and its settings when distilling, else null. */
  private final Pipeline<D> teacher;
  private final DistillSettings distill;
  /** {@code [initialize]}, checked; resolved (its labels files read) only when the pipeline is initialized. */
  private final InitializeSection initializeSection;
  private final Registries registries;
  /**
   * {@code meta.json}'s performance: the weighted scores and the losses of the latest evaluation,
   * carried over from model-last when resuming; null before any.
   */
  private Map<String, Object> lastPerformance;
  /** What a resumed run says changed since model-last was saved, one line each; empty for none. */
  private List<String> resumeChanges = List.of();

  private Trainer(TrainingConfig config, Registries registries, TrainOptions options, Pipeline<D> teacher,
      Optional<OutputLock> heldLock) {
    this.config = config;
    this.settings = config.settings(registries);
    this.teacher = teacher;
    this.distill = teacher == null ? null : config.distillSettings(registries);
    this.regime = teacher == null ? Regime.training(settings) : Regime.distillation(distill);
    this.options = options;
    this.heldLock = heldLock;
    SourcedComponents.refuseSourcesIn(options.output(), config.root());
    this.resumedMeta = heldLock.isPresent() ? Checkpoints.resumable(options.output()) : Optional.empty();
    this.sourced = resumedMeta.isPresent()
        ? SourcedComponents.resumed(config.root(), options.output().resolve("model-last"), resumedMeta.get())
        : SourcedComponents.lookUp(config.root());
    this.pipeline = PipelineBuilder.build(config.root(), registries, sourced);
    this.corpora = Corpora.resolve(config.root(), registries);
    this.provenance = Provenance.of(config.text(), config.dataPaths(), settings.seed());
    this.hooks = List.copyOf(settings.hooks().values());
    this.checkpoints = new Checkpoints<>(options.output(), pipeline, regime.optimizer(), savedConfigText(config, sourced),
        settings.beforeToDisk().orElse(BeforeToDisk.NONE));
    sourced.origins().forEach((name, origin) -> sourcedOrigins.put(name, origin.toMap()));
    this.registries = registries;
    checkComponentNames();
    sourced.warnOfListenersOnOtherTok2Vecs(pipeline);
    if (teacher != null) {
      checkStudentsLearnFromTeacher();
    }
    this.initializeSection = InitializeSection.of(config.root(), config.source());
    initializeSection.check(pipeline.components(), notInitialized(config, pipeline, settings, teacher != null), registries);
  }

  /**
   * The components a run does not initialize, each with why, for messages: sourced and frozen
   * ones keep their weights, and a distilled student takes its labels from its teacher.
   */
  private static Map<String, String> notInitialized(TrainingConfig config, Pipeline<?> pipeline,
      TrainingSettings settings, boolean distilling) {
    List<String> sourced = PipelineBuilder.sourcedNames(config.root());
    Map<String, String> why = new LinkedHashMap<>();
    for (Component<?> component : pipeline.components()) {
      String name = component.name();
      if (sourced.contains(name)) {
        why.put(name, "it is sourced from a trained pipeline");
      } else if (settings.frozenComponents().contains(name)) {
        why.put(name, "it is in [training] frozen_components");
      } else if (distilling && component instanceof Distillable<?>) {
        why.put(name, "it is distilled from a teacher, whose labels it takes");
      }
    }
    return why;
  }

  /**
   * The config that checkpoints save: the training config with each sourced component's
   * {@code source = ...} replaced by the section it was built from, so that the saved pipeline
   * loads without its sources, as spaCy's does (meta.json says where they came from).
   */
  private static String savedConfigText(TrainingConfig config, SourcedComponents sourced) {
    Map<String, Section> sections = sourced.sections();
    if (sections.isEmpty()) {
      return config.text();
    }
    Config written = Config.parse(config.text(), config.source());
    Map<String, Object> inlined = new LinkedHashMap<>();
    for (Map.Entry<String, Section> component : sections.entrySet()) {
      String prefix = "components." + component.getKey();
      // A value elsewhere that refers into the replaced section (a listener's width, say) keeps
      // the value it had in training instead of a reference to a key that may be gone.
      written = written.freezingReferencesInto(prefix);
      inlined.put(prefix, component.getValue());
    }
    return written.withOverrides(inlined).toString();
  }

  /**
   * Refuses, before anything is read or written, a distillation that would train nothing: a
   * student component that is trained but cannot learn from a teacher (it would stay at its
   * initial weights, at a loss of 0), a student_to_teacher entry for no student component, or a
   * teacher component that is not there.
   */
  private void checkStudentsLearnFromTeacher() {
    List<String> names = pipeline.components().stream().map(Component::name).toList();
    for (String student : distill.studentToTeacher().keySet()) {
      if (!names.contains(student)) {
        throw new KilnException(ErrorCode.E244, student, names);
      }
    }
    List<String> sourced = PipelineBuilder.sourcedNames(config.root());
    for (Component<D> component : pipeline.components()) {
      if (!(component instanceof Trainable<D>) || keepsItsWeights(component, sourced)) {
        continue;
      }
      if (!(component instanceof Distillable<D>)) {
        throw new KilnException(ErrorCode.E243, component.name());
      }
      teacher.component(distill.teacherOf(component.name()));
    }
  }

  /**
   * Whether {@code component} is neither initialized nor trained here: frozen, or sourced from a
   * trained pipeline (which keeps the weights it was trained to, as in spaCy's resume_training).
   */
  private boolean keepsItsWeights(Component<D> component, List<String> sourced) {
    return settings.frozenComponents().contains(component.name()) || sourced.contains(component.name());
  }

  /**
   * What {@code kiln train} checks of {@code config} before it reads any data, for
   * {@code kiln debug config}: the [training] settings, the components (their factories and
   * models), the corpora's readers and the corpora [training] names, and the components that
   * frozen_components and annotating_components name.
   *
   * @throws KilnException for the first problem, as {@code kiln train} would report it
   */
  public static void check(TrainingConfig config, Registries registries) {
    try {
      checked(config, registries);
    } catch (KilnException e) {
      throw e.inConfig(config.source());
    }
  }

  private static void checked(TrainingConfig config, Registries registries) {
    TrainingSettings settings = config.settings(registries);
    Pipeline<Datum> pipeline = PipelineBuilder.build(config.root(), registries);
    Corpora<Datum> corpora = Corpora.resolve(config.root(), registries);
    corpora.get("train_corpus", settings.trainCorpus());
    corpora.get("dev_corpus", settings.devCorpus());
    corpora.extra(settings.extraCorpora());
    checkComponentNames(pipeline, settings);
    InitializeSection.of(config.root(), config.source())
        .check(pipeline.components(), notInitialized(config, pipeline, settings, false), registries);
  }

  /** Trains the pipeline {@code config} describes; see {@link TrainOptions}. */
  public static TrainResult train(TrainingConfig config, Registries registries, TrainOptions options) {
    return toTheEnd(session(config, registries, options));
  }

  /**
   * Starts the run {@code config} describes, to be driven step by step: reads the data,
   * initializes the pipeline (or resumes it) and returns before the first step. The type of
   * record is the pipeline's ({@code Doc} for text, {@code Labeled} for images, {@code TableRow}
   * for tables).
   */
  public static <D extends Datum> TrainingSession<D> session(TrainingConfig config, Registries registries,
      TrainOptions options) {
    return Trainer.<D>of(config, registries, options, null).start();
  }

  private static <D extends Datum> Trainer<D> of(TrainingConfig config, Registries registries, TrainOptions options,
      Pipeline<D> teacher) {
    // A resumed run builds its sourced components from model-last, which no other run may be
    // writing meanwhile; a new run takes the lock once its config is found sound.
    Optional<OutputLock> lock = options.resume() ? Optional.of(OutputLock.acquire(options.output())) : Optional.empty();
    try {
      return new Trainer<>(config, registries, options, teacher, lock);
    } catch (KilnException e) {
      lock.ifPresent(OutputLock::close);
      throw e.inConfig(config.source()); // the config's problems, found building the run, name its file
    } catch (RuntimeException | Error e) {
      lock.ifPresent(OutputLock::close);
      throw e;
    }
  }

  /**
   * Trains the student pipeline {@code config} describes on {@code teacher}'s outputs, as its
   * {@code [distillation]} section says (spaCy's {@code distill}): a streamed corpus, no
   * patience; evaluation, logging and checkpoints as in training.
   */
  public static <D extends Datum> TrainResult distill(
      TrainingConfig config, Pipeline<D> teacher, Registries registries, TrainOptions options) {
    return toTheEnd(of(config, registries, options, teacher).start());
  }

  private static TrainResult toTheEnd(TrainingSession<?> session) {
    try (session) {
      while (session.hasNext()) {
        session.next();
      }
      return session.finish();
    }
  }

  private TrainingSession<D> start() {
    OutputLock lock = heldLock.orElseGet(() -> OutputLock.acquire(options.output()));
    try {
      return start(lock);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /** Reads the data, initializes or resumes, and returns the session that will release {@code lock}. */
  private TrainingSession<D> start(OutputLock lock) {
    // The engine logs its BLAS backend when first used: before the progress table, not inside it.
    Ops.get();
    YoungGenerationWarmer warmer = YoungGenerationWarmer.start();
    Optional<TrainingState> resumed = resumeOrInitialize();
    TrainingState start = resumed.orElse(new TrainingState(LoopState.START, BatchCursor.START, List.of(), Map.of()));
    restoreHooks(start);
    TrainBatches<D> batches = new TrainBatches<>(trainCorpus(), batcher(), regime.epochs(), settings.seed(),
        settings.fixedEpochSize() > 0 ? OptionalLong.of(settings.fixedEpochSize()) : OptionalLong.empty(),
        settings.onEmptyBatch(), start.cursor(), augmenter());
    ScoreWeights weights = scoreWeights();
    DevEvaluator<D> evaluator = new DevEvaluator<>(pipeline, corpora.get("dev_corpus", settings.devCorpus()),
        corpora.extra(settings.extraCorpora()), weights, settings.onEmptyStream(), evaluationCorpusNames());
    evaluator.readCorpora();
    annotateFirstRecords(evaluator);
    if (resumed.isEmpty()) {
      // Only now, with the data read and the components initialized: a mistake found in the data
      // must not cost the previous run's models.
      checkpoints.clearOutput();
    }
    warmer.close();
    settleCorpora();
    TrainingLoop<D> loop = new TrainingLoop<>(pipeline, regime.optimizer(), batches, evaluator,
        loopSettings(), settings.beforeUpdate().orElse(BeforeUpdate.NONE), hooks, start.loop());
    if (teacher != null) {
      loop.distillingFrom(teacher, distill::teacherOf);
    }
    printHeader(resumed.isPresent(), start.loop().nextStep());
    TrainLogger.Session log = settings.logger().start(new LogContext(trainableNames(), weights.weights(),
        settings.evalFrequency(), options.out(), options.err(), Optional.of(options.output()),
        start.logger(), options.interactive()));
    return new TrainingSession<>(this, loop, batches, log, options.interrupt(), lock);
  }

  /**
   * Collects the heap once, after the corpora are read and before the loop's clock starts. The
   * examples live as long as the run; the JVM would otherwise copy them between its young spaces
   * at the first few collections of training, pausing steps for tens of milliseconds each
   * (Fashion-MNIST: 44, 36 and 46 ms in the first two epochs). Collected now, they move to the
   * old generation in one go.
   */
  private static void settleCorpora() {
    System.gc();
  }

  /** The state to resume from, or empty after initializing a new run. */
  private Optional<TrainingState> resumeOrInitialize() {
    if (options.resume() && resumedMeta.isEmpty()) {
      options.out().println("Nothing to resume in " + options.output() + " yet: starting a new run.");
    }
    if (resumedMeta.isPresent()) {
      TrainingState state = resume();
      firstExample(trainCorpus());
      lastPerformance = checkpoints.lastPerformance();
      checkpoints.completeBest(state.loop());
      for (Hook hook : hooks) {
        if (hook instanceof StepCheckpoints periodic) {
          checkpoints.completeStep(periodic, state.loop());
        }
      }
      return Optional.of(state);
    }
    initialize();
    return Optional.empty();
  }

  /**
   * Loads model-last's weights and optimizer state and returns its training state, after checking
   * that the config, data, seed and sources are those it was trained with, or differ only in what
   * {@link ResumeChanges} takes (unless forced); the changes are printed with the header.
   *
   * @throws KilnException E225 for a change that needs --resume-force, E289 for a limit the run has passed
   */
  private TrainingState resume() {
    ResumeChanges changes = checkpoints.changesSince(resumedMeta.get(), provenance, sourced);
    if (!options.resumeForce()) {
      changes.refuseUnforced(checkpoints.last());
    }
    TrainingState state = checkpoints.restoreLast();
    if (!options.resumeForce()) {
      changes.checkLimits(state, regime, teacher != null, checkpoints.last());
    }
    resumeChanges = changes.describe();
    return state;
  }

  /** Saves model-last at the end of the run, with the reason it stopped. */
  void saveFinal(TrainingLoop<D> loop, TrainBatches<D> batches, TrainLogger.Session log) {
    checkpoints.saveLast(meta(loop.stopReason().orElseThrow(), loop), state(loop, batches, log));
  }

  /**
   * Says where a failed run left its model. A step that fails leaves model-last as its last
   * checkpoint: the weights, random streams and batch cursor of a step cut short are not a state
   * the run could have reached, so resuming from them would not be exact (a killed run is resumed
   * the same way).
   */
  void reportFailure(TrainingLoop<D> loop) {
    if (loop.state().checkpoints().isEmpty()) {
      // Nothing to resume from (a config mistake found at the first evaluation, say).
      options.err().println("Training failed at step " + loop.state().nextStep() + ", before its first checkpoint:"
          + " nothing was saved.");
      return;
    }
    options.err().println("Training failed at step " + loop.state().nextStep()
        + ". model-last is left at the last checkpoint; --resume continues from there.");
  }

  /** Waits until every checkpoint is on disk, then closes the logger and the hooks. */
  void end(boolean success, TrainLogger.Session log) {
    try {
      checkpoints.flush();
    } finally {
      log.close();
      for (Hook hook : hooks) {
        hook.afterTraining(success);
      }
    }
  }

  Pipeline<D> pipeline() {
    return pipeline;
  }

  /** Prints how the run ended and returns it. */
  TrainResult result(TrainingLoop<D> loop) {
    StopReason reason = loop.stopReason().orElseThrow();
    LoopState end = loop.state();
    options.out().println(String.format(Locale.ROOT, "Stopped: %s (%d steps, %.2f s of training). Saved pipeline to %s",
        reason, end.nextStep(), end.seconds(), checkpoints.last()));
    options.out().flush();
    Optional<Double> best = end.checkpoints().stream().map(ScoreAtStep::score).max(Double::compare);
    return new TrainResult(reason, checkpoints.last(), checkpoints.best(), best);
  }

  /** What follows each step: rollback, the logger, checkpoints at evaluations and the periodic ones. */
  void afterStep(StepResult<D> step, TrainingLoop<D> loop, TrainBatches<D> batches, TrainLogger.Session log) {
    if (step.update() == StepResult.Update.STOPPED) {
      return; // a step that does not count: nothing to log or save; saveFinal saves the state before it
    }
    if (step.update() == StepResult.Update.ROLLBACK) {
      checkpoints.rollback();
    }
    log.logStep(step.info(), step.checkpoint() != Checkpoint.NONE);
    if (step.checkpoint() != Checkpoint.NONE) {
      lastPerformance = performance(step.info().otherScores(), step.info().losses());
      checkpoints.saveLast(meta(null, loop), state(loop, batches, log));
      if (step.checkpoint() == Checkpoint.BEST) {
        checkpoints.copyLastToBest();
      }
    }
    for (Hook hook : hooks) {
      if (hook instanceof StepCheckpoints periodic && periodic.due(step.info())) {
        checkpoints.saveStep(step.info().step(), periodic.keep(), meta(null, loop), state(loop, batches, log));
      }
    }
  }

  private Map<String, Object> performance(Map<String, Object> scores, Map<String, Double> losses) {
    Map<String, Object> performance = new LinkedHashMap<>();
    scoreWeights().metrics().forEach(metric -> performance.put(metric, scores.getOrDefault(metric, 0.0)));
    losses.forEach((component, loss) -> performance.put(component + "_loss", loss));
    return performance;
  }

  private Map<String, Object> meta(StopReason reason, TrainingLoop<D> loop) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("kiln_version", provenance.kilnVersion());
    meta.put("pipeline", pipeline.names());
    // No evaluation yet (a session finished before its first step): no scores, rather than zeros.
    meta.put("performance", lastPerformance != null ? lastPerformance : Map.of());
    meta.put("step", loop.state().nextStep() - 1);
    meta.put("stop_reason", reason == null ? null : reason.toString());
    meta.put("provenance", provenance.toMap());
    if (!sourcedOrigins.isEmpty()) {
      meta.put("sourced", sourcedOrigins);
    }
    return meta;
  }

  private TrainingState state(TrainingLoop<D> loop, TrainBatches<D> batches, TrainLogger.Session log) {
    List<Map<String, Object>> hookStates = new ArrayList<>();
    hooks.forEach(hook -> hookStates.add(hook.state()));
    return new TrainingState(loop.state(), batches.cursor(), hookStates, log.state());
  }

  private void restoreHooks(TrainingState state) {
    for (int i = 0; i < hooks.size() && i < state.hooks().size(); i++) {
      hooks.get(i).restore(state.hooks().get(i));
    }
  }

  /**
   * spaCy's {@code nlp.initialize()} as {@code [initialize]} says: before_init, then each
   * component's initialize with its settings (labels), then after_init. A resumed run skips all
   * of it: its components have their labels and weights already.
   */
  private void initialize() {
    Corpus<D> train = trainCorpus();
    Example<D> first = firstExample(train);
    if (teacher != null) {
      requireTeacherReads(first.predicted());
    }
    Supplier<Iterable<Example<D>>> examples = teacher == null ? train::read : () -> annotatedByTeacher(train);
    List<String> sourced = PipelineBuilder.sourcedNames(config.root());
    InitializeSettings init = initializeSection.resolve(registries);
    init.beforeInit().ifPresent(callback -> callback.call(pipeline));
    for (Component<D> component : pipeline.components()) {
      if (keepsItsWeights(component, sourced)) {
        continue;
      }
      if (teacher != null && component instanceof Distillable<D> student) {
        student.initializeFrom(teacher.component(distill.teacherOf(component.name())), examples, settings.seed());
      } else if (component instanceof Labelled<D> labelled) {
        labelled.initialize(examples, settings.seed(), init.labelsOf(component.name()));
      } else if (component instanceof Trainable<D> trainable) {
        trainable.initialize(examples, settings.seed());
      }
    }
    init.afterInit().ifPresent(callback -> callback.call(pipeline));
  }

  /**
   * Has the pipeline annotate the first record of the training corpus and of each evaluation
   * corpus, one at a time, before anything is written: data the initialized or resumed components
   * cannot read (images of another shape than the model was trained on, rows of another width)
   * is then its coded error now, rather than a step that fails or a first evaluation that fails
   * after the previous run's models were cleared.
   */
  private void annotateFirstRecords(DevEvaluator<D> evaluator) {
    List<D> records = new ArrayList<>();
    records.add(firstExample(trainCorpus()).predicted());
    records.addAll(evaluator.firstRecords());
    for (D record : records) {
      pipeline.annotate(List.of(record));
    }
  }

  /**
   * The training corpus's first example. Components initialize from a sample of the corpus, and
   * a resumed run's batcher reads it: an empty one would fail there, with a message about the
   * model or the batches rather than the data.
   *
   * @throws KilnException E248 naming the corpus and its path
   */
  private Example<D> firstExample(Corpus<D> train) {
    Iterator<Example<D>> examples = train.read().iterator();
    if (!examples.hasNext()) {
      throw new KilnException(ErrorCode.E248, corpora.describe(regime.corpus()));
    }
    return examples.next();
  }

  /** Refuses a teacher whose components read another kind of record than the corpus gives. */
  private void requireTeacherReads(D record) {
    for (Component<D> component : teacher.components()) {
      Optional<Class<?>> reads = RecordTypes.of(component);
      if (reads.isPresent() && !reads.get().isInstance(record)) {
        throw new KilnException(ErrorCode.E242, component.name(), reads.get().getSimpleName(),
            record.getClass().getSimpleName());
      }
    }
  }

  /** The distillation corpus with the teacher's predictions as the reference annotations. */
  private List<Example<D>> annotatedByTeacher(Corpus<D> corpus) {
    List<Example<D>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    List<D> records = new ArrayList<>(examples.size());
    examples.forEach(example -> records.add(example.predicted()));
    List<D> annotated = teacher.annotate(records);
    List<Example<D>> result = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      result.add(new Example<>(examples.get(i).predicted(), annotated.get(i)));
    }
    return result;
  }

  private LoopSettings loopSettings() {
    return new LoopSettings(regime.dropout()::valueAt, settings.evalFrequency(), settings.accumulateGradient(),
        regime.patience(), regime.maxSteps(), Set.copyOf(settings.frozenComponents()),
        Set.copyOf(settings.annotatingComponents()));
  }

  /** How messages name the evaluation corpora, by the names {@link DevEvaluator} gives them. */
  private Map<String, String> evaluationCorpusNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("dev", corpora.describe(settings.devCorpus()));
    for (String dotName : settings.extraCorpora()) {
      names.put(Corpora.prefixOf(dotName), corpora.describe(dotName));
    }
    return names;
  }

  private Corpus<D> trainCorpus() {
    return corpora.get(teacher == null ? "train_corpus" : "distillation.corpus", regime.corpus());
  }

  private ScoreWeights scoreWeights() {
    return new ScoreWeights(ScoreWeights.combine(List.of(pipeline.defaultScoreWeights()), settings.scoreWeights()));
  }

  private List<String> trainableNames() {
    return trainableNames(pipeline, settings);
  }

  private static List<String> trainableNames(Pipeline<?> pipeline, TrainingSettings settings) {
    List<String> names = new ArrayList<>();
    for (Component<?> component : pipeline.components()) {
      if (component instanceof Trainable<?> && !settings.frozenComponents().contains(component.name())) {
        names.add(component.name());
      }
    }
    return names;
  }

  private void checkComponentNames() {
    checkComponentNames(pipeline, settings);
  }

  private static void checkComponentNames(Pipeline<?> pipeline, TrainingSettings settings) {
    List<String> names = pipeline.names();
    for (String frozen : settings.frozenComponents()) {
      if (!names.contains(frozen)) {
        throw new KilnException(ErrorCode.E222, "frozen_components", frozen, String.join(", ", names));
      }
    }
    for (String annotating : settings.annotatingComponents()) {
      if (!names.contains(annotating)) {
        throw new KilnException(ErrorCode.E222, "annotating_components", annotating, String.join(", ", names));
      }
    }
    if (trainableNames(pipeline, settings).isEmpty()) {
      throw new KilnException(ErrorCode.E224, String.join(", ", names));
    }
    checkListeners(pipeline, settings);
  }

  /**
   * A trained component whose listeners take a frozen tok2vec's output gets nothing from it in
   * training unless the tok2vec sets its annotations (spaCy warns, W086, and fails at the first
   * update); kiln refuses before training. A frozen component listening to a tok2vec that a
   * trained component also listens to gets a warning, as spaCy's W087: the vectors it was trained
   * on change under it. (spaCy warns as well when the frozen component is the only listener;
   * then no gradient reaches the tok2vec, which keeps its weights, so kiln does not.)
   */
  private static void checkListeners(Pipeline<?> pipeline, TrainingSettings settings) {
    List<String> frozen = settings.frozenComponents();
    Set<String> trainedByListeners = new HashSet<>();
    for (Component<?> component : pipeline.components()) {
      if (component instanceof PipelineLinked<?> linked && !frozen.contains(component.name())) {
        trainedByListeners.addAll(linked.listensTo());
      }
    }
    for (Component<?> component : pipeline.components()) {
      if (!(component instanceof PipelineLinked<?> linked)) {
        continue;
      }
      boolean trained = !frozen.contains(component.name());
      for (String tok2vec : linked.listensTo()) {
        if (trained && frozen.contains(tok2vec) && !settings.annotatingComponents().contains(tok2vec)) {
          throw new KilnException(ErrorCode.E247, component.name(), tok2vec);
        }
        if (!trained && !frozen.contains(tok2vec) && trainedByListeners.contains(tok2vec)) {
          LOG.warn("component {} is frozen but listens to the tok2vec \"{}\", which trains: the vectors {} was trained "
              + "on change, and its accuracy may drop. Freeze both, or neither.", component.name(), tok2vec, component.name());
        }
      }
    }
  }

  private void printHeader(boolean resumed, long nextStep) {
    options.out().println("Pipeline: " + pipeline.names());
    if (!settings.frozenComponents().isEmpty()) {
      options.out().println("Frozen components: " + settings.frozenComponents());
    }
    if (!settings.annotatingComponents().isEmpty()) {
      options.out().println("Set annotations on update for: " + settings.annotatingComponents());
    }
    if (resumed) {
      options.out().println("Resuming from " + checkpoints.last() + " at step " + nextStep);
      resumeChanges.forEach(options.out()::println);
    }
    options.out().flush();
  }

  @SuppressWarnings("unchecked")
  private Augmenter<D> augmenter() {
    return (Augmenter<D>) settings.augmenter().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private Batcher<D> batcher() {
    return (Batcher<D>) regime.batcher();
  }
}
