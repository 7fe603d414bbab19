package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates on the dev corpus (read once, then each evaluation gets fresh examples around the
 * records as read, so predictions start clean), adds
 * {@code speed} in words per second, weighs the main score, and scores each extra corpus beside
 * it under its own prefix ({@code corpora.test} gives {@code test_cats_score}); extra scores are
 * logged but never weighed.
 */
final class DevEvaluator<D extends Datum> implements Evaluator {
  private static final Logger LOG = LoggerFactory.getLogger(DevEvaluator.class);

  private final Pipeline<D> pipeline;
  private final Corpus<D> dev;
  private final Map<String, Corpus<D>> extra;
  private final ScoreWeights weights;
  private final ProblemPolicy onEmptyStream;
  /** How messages name each corpus ({@code corpora.dev (path "dev.csv")}), by its name here. */
  private final Map<String, String> described;
  /**
   * Each corpus's examples as read. Reading again at every evaluation cost far more than the
   * evaluation itself for text (tokenizing every document again); records are immutable, and
   * annotating replaces an example's predicted record, so the records as read stay clean.
   */
  private final Map<String, List<Example<D>>> asRead = new HashMap<>();
  private final Set<String> warned = new HashSet<>();

  DevEvaluator(Pipeline<D> pipeline, Corpus<D> dev, Map<String, Corpus<D>> extra, ScoreWeights weights,
      ProblemPolicy onEmptyStream, Map<String, String> described) {
    this.pipeline = pipeline;
    this.dev = dev;
    this.extra = extra;
    this.weights = weights;
    this.onEmptyStream = onEmptyStream;
    this.described = described;
  }

  @Override
  public EvalResult evaluate() {
    Map<String, Object> scores = new LinkedHashMap<>(scoresOn(dev, "dev"));
    double main = weights.mainScore(scores);
    extra.forEach((prefix, corpus) ->
        scoresOn(corpus, prefix).forEach((name, value) -> scores.put(prefix + "_" + name, value)));
    return new EvalResult(main, scores);
  }

  /**
   * Reads every evaluation corpus now rather than at the first evaluation, which comes right
   * after the first update: the loop's clock runs by then (reading Fashion-MNIST's gzipped test
   * set took 0.04-0.07 s of it), and a dev file that cannot be read is better reported before
   * any training is done.
   */
  void readCorpora() {
    if (examplesOf(dev, "dev").isEmpty()) {
      handleEmpty("dev");
    }
    extra.forEach((prefix, corpus) -> {
      if (examplesOf(corpus, prefix).isEmpty()) {
        handleEmpty(prefix);
      }
    });
  }

  /** The first record of each evaluation corpus that has any, as read by {@link #readCorpora}. */
  List<D> firstRecords() {
    List<D> first = new ArrayList<>();
    for (List<Example<D>> examples : asRead.values()) {
      if (!examples.isEmpty()) {
        first.add(examples.get(0).predicted());
      }
    }
    return first;
  }

  private Map<String, Object> scoresOn(Corpus<D> corpus, String name) {
    List<Example<D>> read = examplesOf(corpus, name);
    if (read.isEmpty()) {
      handleEmpty(name);
    }
    List<Example<D>> fresh = new ArrayList<>(read.size());
    for (Example<D> example : read) {
      fresh.add(new Example<>(example.predicted(), example.reference()));
    }
    return pipeline.evaluateWithSpeed(fresh);
  }

  private List<Example<D>> examplesOf(Corpus<D> corpus, String name) {
    return asRead.computeIfAbsent(name, key -> {
      List<Example<D>> examples = new ArrayList<>();
      corpus.read().forEach(examples::add);
      return examples;
    });
  }

  /** emloop's {@code on_empty_stream}: an evaluation corpus with no examples. */
  private void handleEmpty(String name) {
    switch (onEmptyStream) {
      case ERROR -> throw new KilnException(ErrorCode.E207, described.getOrDefault(name, name));
      case WARN -> {
        if (warned.add(name)) {
          LOG.warn("the evaluation corpus {} is empty; its scores are zeros (on_empty_stream = \"warn\")",
              described.getOrDefault(name, name));
        }
      }
      case IGNORE -> { }
    }
  }
}
