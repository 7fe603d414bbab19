package dev.kiln.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.JsonFiles;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.losses.L2Distance;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Predicts a number from a table row: the features are encoded by a {@link TableEncoder} fitted
 * at {@code initialize}, the target is standardised with the training mean and deviation, and a
 * model from the config with one output (such as an MLP ending in {@code Linear.v1}) learns it
 * by squared error (Thinc's {@code L2Distance}). Scores {@code mae}, {@code rmse} and {@code r2}
 * on the original scale.
 */
public final class TabularRegressor implements ModelTrainable<TableRow>, Annotator<TableRow>, Scorer<TableRow>,
    Checkpointable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET_FILE = "target.json";
  private static final int SAMPLE = 64;

  private final String name;
  private final int hashBuckets;
  private final EncodedNetwork network;
  private final L2Distance loss = new L2Distance(true);
  private TargetScale target = new TargetScale(0, 1);

  /**
   * @param hashBuckets 0 to one-hot categorical columns, or how many buckets to hash each into
   */
  public TabularRegressor(String name, Model<Floats, Floats> model, int hashBuckets) {
    if (hashBuckets < 0) {
      throw new KilnException(ErrorCode.E284, name, hashBuckets);
    }
    this.name = name;
    this.hashBuckets = hashBuckets;
    this.network = new EncodedNetwork(name, model);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The feature columns it was fitted on, in the order a {@link TableRow} made in memory gives its
   * values: {@code new TableRow(columns(), 0, numbers, categories, null, null)}.
   */
  public TableColumns columns() {
    return network.encoder().columns();
  }

  @Override
  public void initialize(Supplier<Iterable<Example<TableRow>>> examples, long seed) {
    EncoderFit fit = new EncoderFit(name, hashBuckets);
    List<TableRow> sample = new ArrayList<>();
    long count = 0;
    double mean = 0;
    double squares = 0;
    for (Example<TableRow> example : examples.get()) {
      fit.add(example.reference());
      double value = value(example.reference());
      count++;
      double delta = value - mean;
      mean += delta / count;
      squares += delta * (value - mean);
      if (sample.size() < SAMPLE) {
        sample.add(example.predicted());
      }
    }
    if (sample.isEmpty()) {
      throw new KilnException(ErrorCode.E282, name);
    }
    double std = Math.sqrt(squares / count);
    target = new TargetScale(mean, std > 0 ? std : 1);
    network.initialize(fit.result(), sample, 1, seed);
  }

  @Override
  public void update(List<Example<TableRow>> batch, double dropout, LossTotals losses) {
    losses.add(name, network.update(batch, dropout, output -> loss.compute(output, truths(batch))));
  }

  /** The network's model: its weights are all this component's. */
  @Override
  public Model<Floats, Floats> model() {
    return network.model();
  }

  @Override
  public List<TableRow> annotate(List<TableRow> rows) {
    return ChunkedPrediction.annotate(rows, network::predict,
        (row, output) -> row.withValue(target.restore(output[0])));
  }

  @Override
  public Map<String, Object> score(List<Example<TableRow>> examples) {
    for (Example<TableRow> example : examples) {
      value(example.reference()); // a label that is not a number is an error, as in training, not a row left out
    }
    return RegressionScores.of(examples);
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return Map.of("r2", 1.0);
  }

  @Override
  public void save(Path folder) throws IOException {
    network.save(folder);
    JSON.writeValue(folder.resolve(TARGET_FILE).toFile(), target);
  }

  @Override
  public void load(Path folder) throws IOException {
    target = JsonFiles.read(folder.resolve(TARGET_FILE), TargetScale.class);
    network.load(folder);
  }

  /** The standardised targets, one column, as the model's output. */
  private Floats truths(List<Example<TableRow>> batch) {
    float[] values = new float[batch.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) target.standardise(value(batch.get(i).reference()));
    }
    return Floats.of(values, values.length, 1);
  }

  private double value(TableRow row) {
    double value = row.labelValue();
    if (Double.isNaN(value)) {
      boolean tooLarge = row.label() != null && Cells.isNumeral(row.label());
      throw new KilnException(tooLarge ? ErrorCode.E285 : ErrorCode.E281, name, row.label(), row.columns().file(), row.line());
    }
    return value;
  }
}
