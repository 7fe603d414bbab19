package dev.kiln.train;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.RejectedArgument;
import dev.kiln.config.Name;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.nn.schedules.Schedule;
import dev.kiln.train.log.TrainLogger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [training]} section, with spaCy's keys and defaults, plus kiln's {@code hooks},
 * {@code extra_corpora} (emloop's extra streams: scored at every evaluation, never used to pick
 * the best model), {@code fixed_epoch_size}, {@code on_empty_batch}, {@code on_empty_stream} (for the dev
 * and extra corpora; an empty training corpus is always an error) and {@code augmenter}
 * (applied to the training corpus; spaCy puts it on the corpus reader). spaCy's
 * {@code gpu_allocator} is accepted and ignored (kiln trains on the CPU).
 */
public record TrainingSettings(
    @Default("0") long seed,
    @Default("0.1") Schedule dropout,
    @Name("accumulate_gradient") @Default("1") int accumulateGradient,
    @Default("1600") long patience,
    @Name("max_epochs") @Default("0") int maxEpochs,
    @Name("max_steps") @Default("20000") long maxSteps,
    @Name("eval_frequency") @Default("200") long evalFrequency,
    @Name("frozen_components") @Default("[]") List<String> frozenComponents,
    @Name("annotating_components") @Default("[]") List<String> annotatingComponents,
    @Name("train_corpus") @Default("\"corpora.train\"") String trainCorpus,
    @Name("dev_corpus") @Default("\"corpora.dev\"") String devCorpus,
    @Name("extra_corpora") @Default("[]") List<String> extraCorpora,
    @Default("{\"@batchers\": \"spacy.batch_by_words.v1\", \"discard_oversize\": false, \"tolerance\": 0.2, "
        + "\"size\": {\"@schedules\": \"compounding.v1\", \"start\": 100, \"stop\": 1000, \"compound\": 1.001}}")
    Batcher<?> batcher,
    // spaCy's [training.optimizer] default, not Adam.v1's own (L2 0, averages on: Thinc's).
    @Default("{\"@optimizers\": \"Adam.v1\", \"beta1\": 0.9, \"beta2\": 0.999, \"L2_is_weight_decay\": true, "
        + "\"L2\": 0.01, \"grad_clip\": 1.0, \"use_averages\": false, \"eps\": 1e-8, \"learn_rate\": 0.001}")
    Optimizer optimizer,
    @Default("{\"@loggers\": \"kiln.ConsoleLogger.v1\"}") TrainLogger logger,
    @Name("score_weights") @Default("{}") Map<String, Optional<Double>> scoreWeights,
    @Default("{}") Map<String, Hook> hooks,
    @Name("fixed_epoch_size") @Default("0") long fixedEpochSize,
    @Name("on_empty_batch") @Default("\"error\"") ProblemPolicy onEmptyBatch,
    @Name("on_empty_stream") @Default("\"error\"") ProblemPolicy onEmptyStream,
    @Name("gpu_allocator") @Default("null") Optional<String> gpuAllocator,
    @Name("before_to_disk") @Default("null") Optional<BeforeToDisk> beforeToDisk,
    @Name("before_update") @Default("null") Optional<BeforeUpdate> beforeUpdate,
    @Default("null") Optional<Augmenter<?>> augmenter) {

  /**
   * Refuses values the loop cannot run with, naming the key (max_epochs is checked where it is
   * read, {@link EpochLimit#fromConfig}).
   *
   * @throws KilnException E208
   */
  public TrainingSettings {
    atLeast("eval_frequency", evalFrequency, 1);
    atLeast("accumulate_gradient", accumulateGradient, 1);
    atLeast("patience", patience, 0);
    atLeast("max_steps", maxSteps, 0);
    atLeast("fixed_epoch_size", fixedEpochSize, 0);
    double firstDropout = dropout.valueAt(0);
    if (!Dropout.isRate(firstDropout)) {
      throw new RejectedArgument("dropout", ErrorCode.E208, "dropout", firstDropout, "a rate in [0, 1)");
    }
  }

  private static void atLeast(String key, long value, long least) {
    if (value < least) {
      throw new RejectedArgument(key, ErrorCode.E208, key, value, "at least " + least);
    }
  }
}
