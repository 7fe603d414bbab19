package dev.kiln.tabular;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.io.ModelWeights;
import dev.kiln.train.Example;
import dev.kiln.train.ModelTrainable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part both tabular components share: a model from the config behind the feature encoder
 * fitted at {@code initialize}, the dropout setting, and saving both side by side.
 */
final class EncodedNetwork {
  static final String ENCODER_FILE = "encoder.json";

  private final String name;
  private final Model<Floats, Floats> model;
  private TableEncoder encoder;
  private Floats inputs;
  private double dropout = Double.NaN;

  EncodedNetwork(String name, Model<Floats, Floats> model) {
    this.name = name;
    this.model = model;
  }

  /** Takes the fitted encoder, then initializes the model on sample rows and {@code outputs} columns. */
  void initialize(TableEncoder fitted, List<TableRow> sample, int outputs, long seed) {
    encoder = fitted;
    Floats x = features(sample);
    model.initialize(x, Floats.zeros(x.rows(), outputs), Rng.derive(seed, name).nextLong());
  }

  TableEncoder encoder() {
    return encoder;
  }

  /** Runs the model forward for training, with {@code dropoutRate} in every dropout layer. */
  ForwardResult<Floats, Floats> beginUpdate(List<Example<TableRow>> batch, double dropoutRate) {
    setDropout(dropoutRate);
    List<TableRow> rows = new ArrayList<>(batch.size());
    for (Example<TableRow> example : batch) {
      rows.add(example.predicted());
    }
    return model.beginUpdate(features(rows));
  }

  Floats predict(List<TableRow> rows) {
    return model.predict(features(rows));
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

  /** Sets every dropout layer's rate, as spaCy's {@code set_dropout_rate} does. */
  private void setDropout(double rate) {
    if (rate == dropout) {
      return;
    }
    for (Model<?, ?> node : model.walk()) {
      if (node.attrs().containsKey("dropout_rate")) {
        node.attrs().put("dropout_rate", rate);
      }
    }
    dropout = rate;
  }

  /** The rows' features as one matrix; the buffer is reused while the batch shape repeats. */
  private Floats features(List<TableRow> rows) {
    int width = encoder.width();
    if (inputs == null || inputs.rows() != rows.size() || inputs.cols() != width) {
      inputs = Floats.zeros(rows.size(), width);
    }
    float[] data = inputs.data();
    for (int row = 0; row < rows.size(); row++) {
      encoder.encode(rows.get(row), data, row * width);
    }
    return inputs;
  }
}
