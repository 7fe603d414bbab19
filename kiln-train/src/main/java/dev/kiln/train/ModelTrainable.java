package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.io.ModelWeights;
import dev.kiln.nn.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A trainable component whose weights all live in one model: applying the accumulated
 * gradients, swapping in averaged weights and saving the weights are then the model's own.
 */
public interface ModelTrainable<D extends Datum> extends Trainable<D> {
  /** The file in a component's folder that holds its model's weights. */
  String WEIGHTS_FILE = "weights.safetensors";

  /** The model that holds every weight of the component. */
  Model<?, ?> model();

  /** Writes the model's weights to {@link #WEIGHTS_FILE} in {@code folder}. */
  default void saveWeights(Path folder) {
    ModelWeights.save(model(), folder.resolve(WEIGHTS_FILE));
  }

  /** Reads the model's weights from {@link #WEIGHTS_FILE} in {@code folder}. */
  default void loadWeights(Path folder) {
    ModelWeights.load(model(), folder.resolve(WEIGHTS_FILE));
  }

  /**
   * Checks, after loading, that the model scores {@code expected} classes (one per label, or
   * per tag): a labels file changed apart from the weights would otherwise fail at the first
   * prediction with an index error, or score wrong classes.
   *
   * @throws KilnException E228 naming the folder
   */
  default void checkOutputs(Path folder, int expected, String what) {
    OptionalInt outputs = model().maybeDim("nO");
    if (outputs.isPresent() && outputs.getAsInt() != expected) {
      throw new KilnException(ErrorCode.E228, folder, expected, what, outputs.getAsInt());
    }
  }

  /**
   * What this component's optimizer keys start with: its name and a dot (which no component name
   * holds). The pipeline's components share one optimizer, and two of the same architecture have
   * the same parameter paths; without the name they would share one Adam state.
   */
  default String optimizerScope() {
    return name() + ".";
  }

  @Override
  default void finishUpdate(Optimizer optimizer) {
    model().finishUpdate(optimizer, optimizerScope());
  }

  @Override
  default Map<String, Long> randomStates() {
    return model().rngStates();
  }

  @Override
  default void restoreRandomStates(Map<String, Long> states) {
    model().restoreRngStates(states);
  }

  @Override
  default ParamsSwap useParams(Map<String, float[]> averages) {
    var swapped = model().useParams(averages, optimizerScope());
    return swapped::close;
  }
}
