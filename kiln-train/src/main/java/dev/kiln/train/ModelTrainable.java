package dev.kiln.train;

import dev.kiln.nn.Model;
import dev.kiln.nn.optimizers.Optimizer;
import java.util.Map;

/**
 * A trainable component whose weights all live in one model: applying the accumulated
 * gradients and swapping in averaged weights are then the model's own.
 */
public interface ModelTrainable<D extends Datum> extends Trainable<D> {
  /** The model that holds every weight of the component. */
  Model<?, ?> model();

  @Override
  default void finishUpdate(Optimizer optimizer) {
    model().finishUpdate(optimizer);
  }

  @Override
  default ParamsSwap useParams(Map<String, float[]> averages) {
    var swapped = model().useParams(averages);
    return swapped::close;
  }
}
