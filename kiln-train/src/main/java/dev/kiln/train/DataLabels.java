package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.train.build.PipelineBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of a config's components as training would collect them from its training corpus,
 * for {@code kiln init labels} (spaCy's {@code init labels}) to write: the files
 * {@code [initialize.components.NAME.labels]} then reads.
 */
public final class DataLabels {
  private DataLabels() {}

  /**
   * Each component of the pipeline {@code config} describes, in pipeline order, with its labels:
   * those of the training data, checked as initialize checks them, or, for a component sourced
   * from a trained pipeline, the labels it has. Empty for a component without labels (tok2vec,
   * a regressor). The labels {@code [initialize]} gives are not read: these are the data's.
   *
   * @throws KilnException as {@code kiln train} for a config it would refuse, E248 for an empty training corpus
   */
  public static Map<String, Optional<List<String>>> of(TrainingConfig config, Registries registries) {
    Trainer.check(config, registries);
    TrainingSettings settings = config.settings(registries);
    Pipeline<Datum> pipeline = PipelineBuilder.build(config.root(), registries);
    Corpora<Datum> corpora = Corpora.resolve(config.root(), registries);
    Corpus<Datum> train = corpora.get("train_corpus", settings.trainCorpus());
    if (!train.read().iterator().hasNext()) {
      throw new KilnException(ErrorCode.E248, corpora.describe(settings.trainCorpus()));
    }
    List<String> sourced = PipelineBuilder.sourcedNames(config.root());
    Map<String, Optional<List<String>>> labels = new LinkedHashMap<>();
    for (Component<Datum> component : pipeline.components()) {
      if (component instanceof Labelled<Datum> labelled) {
        labels.put(component.name(), Optional.of(sourced.contains(component.name())
            ? labelled.labels() : labelled.labelsIn(train.read())));
      } else {
        labels.put(component.name(), Optional.empty());
      }
    }
    return labels;
  }
}
