package dev.kiln.train;

import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.nn.schedules.Schedule;

/**
 * What differs between training and distilling: the corpus the steps read and how, the batcher,
 * the optimizer, dropout and the limits. Training loads and shuffles its corpus; distillation
 * streams it and has no patience, as spaCy's distill loop.
 */
record Regime(
    String corpus, EpochLimit epochs, Batcher<?> batcher, Optimizer optimizer, Schedule dropout,
    long maxSteps, long patience) {

  static Regime training(TrainingSettings settings) {
    return new Regime(settings.trainCorpus(), EpochLimit.fromConfig(settings.maxEpochs()), settings.batcher(),
        settings.optimizer(), settings.dropout(), settings.maxSteps(), settings.patience());
  }

  static Regime distillation(DistillSettings distill) {
    return new Regime(distill.corpus(), new EpochLimit.Streaming(Math.max(distill.maxEpochs(), 0)),
        distill.batcher(), distill.optimizer(), distill.dropout(), distill.maxSteps(), 0);
  }
}
