package dev.kiln.tabular;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.io.ModelWeights;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.losses.LossResult;
import dev.kiln.train.Example;
import dev.kiln.train.InputMatrices;
import dev.kiln.train.ModelTrainable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The part both tabular components share: a model from the config behind the feature encoder
 * fitted at {@code initialize}, the dropout setting, and saving both side by side.
 */
final class EncodedNetwork {
  static final String ENCODER_FILE = "encoder.json";

  private final String name;
  private final Model<Floats, Floats> model;
  private TableEncoder encoder;
  /** Input matrices by shape, reused while batch shapes repeat; one holder each, so predicting from several threads is safe. */
  private final InputMatrices inputMatrices = new InputMatrices();

  EncodedNetwork(String name, Model<Floats, Floats> model) {
    this.name = name;
    this.model = model;
  }

  /** Takes the fitted encoder, then initializes the model on sample rows and {@code outputs} columns. */
  void initialize(TableEncoder fitted, List<TableRow> sample, int outputs, long seed) {
    encoder = fitted;
    Floats x = features(sample);
    try {
      model.initialize(x, Floats.zeros(x.rows(), outputs), Rng.derive(seed, name).nextLong());
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  TableEncoder encoder() {
    return encoder;
  }

  /**
   * One training pass with {@code dropoutRate} in every dropout layer: forward, the loss
   * {@code lossOf} gives for the outputs, backward. Returns the loss.
   */
  double update(List<Example<TableRow>> batch, double dropoutRate, Function<Floats, LossResult<Floats>> lossOf) {
    Dropout.setRates(model, dropoutRate);
    List<TableRow> rows = new ArrayList<>(batch.size());
    for (Example<TableRow> example : batch) {
      rows.add(example.predicted());
    }
    Floats x = features(rows);
    try {
      ForwardResult<Floats, Floats> result = model.beginUpdate(x);
      LossResult<Floats> computed = lossOf.apply(result.output());
      result.backprop().accumulate(computed.gradient());
      return computed.loss();
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  /** The model's outputs for {@code rows}; safe to call from several threads at once. */
  Floats predict(List<TableRow> rows) {
    Floats x = features(rows);
    try {
      return InputMatrices.detached(model.predict(x), x);
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  Model<Floats, Floats> model() {
    return model;
  }

  void save(Path folder) throws IOException {
    ModelWeights.save(model, folder.resolve(ModelTrainable.WEIGHTS_FILE));
    encoder.save(folder.resolve(ENCODER_FILE));
  }

  void load(Path folder) throws IOException {
    encoder = TableEncoder.load(name, folder.resolve(ENCODER_FILE));
    ModelWeights.load(model, folder.resolve(ModelTrainable.WEIGHTS_FILE));
  }


  /** The rows' features in a matrix taken from {@link #inputMatrices}, for the caller to give back. */
  private Floats features(List<TableRow> rows) {
    int width = encoder.width();
    Floats inputs = inputMatrices.take(rows.size(), width);
    float[] data = inputs.data();
    for (int row = 0; row < rows.size(); row++) {
      encoder.encode(rows.get(row), data, row * width);
    }
    return inputs;
  }
}
