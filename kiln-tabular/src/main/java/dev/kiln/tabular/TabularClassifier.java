package dev.kiln.tabular;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.losses.CategoricalCrossentropy;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Example;
import dev.kiln.train.LabelCounts;
import dev.kiln.train.LabelSet;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.Scorer;
import dev.kiln.train.vectors.ClassificationScores;
import dev.kiln.train.vectors.UnknownLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Classifies table rows into one of the labels seen in training (or given by
 * {@code [initialize.components.NAME] labels}, which must then include every training label):
 * the features are encoded by a {@link TableEncoder} fitted at {@code initialize} and fed to a
 * model from the config (such as an MLP ending in a softmax) trained with categorical
 * cross-entropy. Scores {@code acc}, {@code macro_f}, {@code macro_p}, {@code macro_r} and
 * {@code f_per_type}.
 */
public final class TabularClassifier implements ModelTrainable<TableRow>, Labelled<TableRow>, Annotator<TableRow>, Scorer<TableRow>,
    Checkpointable {
  private static final int SAMPLE = 64;

  private final String name;
  private final int hashBuckets;
  private final EncodedNetwork network;
  private final CategoricalCrossentropy loss = new CategoricalCrossentropy();
  private LabelSet labels = new LabelSet(List.of());
  private final UnknownLabels unknownLabels;

  /**
   * @param hashBuckets 0 to one-hot categorical columns, or how many buckets to hash each into
   */
  public TabularClassifier(String name, Model<Floats, Floats> model, int hashBuckets) {
    if (hashBuckets < 0) {
      throw new KilnException(ErrorCode.E284, name, hashBuckets);
    }
    this.name = name;
    this.unknownLabels = new UnknownLabels(name);
    this.hashBuckets = hashBuckets;
    this.network = new EncodedNetwork(name, model);
  }

  @Override
  public String name() {
    return name;
  }

  /** The classes, in the order of the model's outputs. */
  @Override
  public List<String> labels() {
    return labels.labels();
  }

  /**
   * The feature columns it was fitted on, in the order a {@link TableRow} made in memory gives its
   * values: {@code new TableRow(columns(), 0, numbers, categories, null, null)}.
   */
  public TableColumns columns() {
    return network.encoder().columns();
  }

  @Override
  public void initialize(Supplier<Iterable<Example<TableRow>>> examples, long seed, LabelSource source) {
    EncoderFit fit = new EncoderFit(name, hashBuckets);
    LabelCounts counts = new LabelCounts();
    List<TableRow> sample = new ArrayList<>();
    int number = 0;
    for (Example<TableRow> example : examples.get()) {
      number++;
      fit.add(example.reference());
      countLabel(example.reference().label(), number, source, counts);
      if (sample.size() < SAMPLE) {
        sample.add(example.predicted());
      }
    }
    if (sample.isEmpty()) {
      throw new KilnException(ErrorCode.E282, name);
    }
    labels = new LabelSet(source.choose(counts.labels()));
    network.initialize(fit.result(), sample, labels.size(), seed);
  }

  @Override
  public List<String> labelsIn(Iterable<Example<TableRow>> examples) {
    LabelCounts counts = new LabelCounts();
    int number = 0;
    for (Example<TableRow> example : examples) {
      countLabel(example.reference().label(), ++number, LabelSource.fromData(), counts);
    }
    return LabelSource.fromData().choose(counts.labels());
  }

  /**
   * Counts the label of row {@code number} (1-based) into {@code counts}.
   *
   * @throws KilnException E261 for a label {@code source} does not include (else the first batch holding it fails
   *     with E231, naming no row)
   */
  private void countLabel(String label, int number, LabelSource source, LabelCounts counts) {
    if (label == null) {
      return;
    }
    if (!source.includes(label)) {
      throw new KilnException(ErrorCode.E261, name, number, label, source.origin());
    }
    counts.add(label);
  }

  @Override
  public void update(List<Example<TableRow>> batch, double dropout, LossTotals losses) {
    losses.add(name, network.update(batch, dropout, output -> loss.compute(output, labels.ids(batch, TableRow::label, name))));
  }

  /** The network's model: its weights are all this component's. */
  @Override
  public Model<Floats, Floats> model() {
    return network.model();
  }

  @Override
  public List<TableRow> annotate(List<TableRow> rows) {
    return ChunkedPrediction.annotate(rows, network::predict,
        (row, scores) -> row.withClass(labels.best(scores), labels.scores(scores)));
  }

  @Override
  public Map<String, Object> score(List<Example<TableRow>> examples) {
    unknownLabels.check(examples, TableRow::label, labels.labels());
    return ClassificationScores.of(examples, TableRow::label, labels.labels());
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return Map.of("acc", 1.0);
  }

  @Override
  public void save(Path folder) throws IOException {
    network.save(folder);
    labels.save(folder);
  }

  @Override
  public void load(Path folder) throws IOException {
    labels = LabelSet.load(folder);
    network.load(folder);
  }

}
