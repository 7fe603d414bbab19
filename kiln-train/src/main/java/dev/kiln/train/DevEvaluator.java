package dev.kiln.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates on the dev corpus (read afresh each time, so predictions start clean), adds
 * {@code speed} in words per second, weighs the main score, and scores each extra corpus beside
 * it under its own prefix ({@code corpora.test} gives {@code test_cats_score}); extra scores are
 * logged but never weighed.
 */
final class DevEvaluator<D extends Datum> implements Evaluator {
  private final Pipeline<D> pipeline;
  private final Corpus<D> dev;
  private final Map<String, Corpus<D>> extra;
  private final ScoreWeights weights;

  DevEvaluator(Pipeline<D> pipeline, Corpus<D> dev, Map<String, Corpus<D>> extra, ScoreWeights weights) {
    this.pipeline = pipeline;
    this.dev = dev;
    this.extra = extra;
    this.weights = weights;
  }

  @Override
  public EvalResult evaluate() {
    Map<String, Object> scores = new LinkedHashMap<>(scoresOn(dev));
    double main = weights.mainScore(scores);
    extra.forEach((prefix, corpus) ->
        scoresOn(corpus).forEach((name, value) -> scores.put(prefix + "_" + name, value)));
    return new EvalResult(main, scores);
  }

  private Map<String, Object> scoresOn(Corpus<D> corpus) {
    List<Example<D>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    long words = 0;
    for (Example<D> example : examples) {
      words += example.length();
    }
    long started = System.nanoTime();
    Map<String, Object> scores = new LinkedHashMap<>(pipeline.evaluate(examples));
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
    scores.put("speed", words / seconds);
    return scores;
  }
}
