package dev.kiln.train;

import dev.kiln.nn.optimizers.Optimizer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A component with weights that the training loop updates. */
public interface Trainable<D extends Datum> extends Component<D> {
  /**
   * Fits labels and dimensions from examples, then initializes the weights from {@code seed}
   * (the run's seed; a component derives its own streams from it and its name).
   */
  void initialize(Supplier<Iterable<Example<D>>> examples, long seed);

  /**
   * Computes the gradients for {@code batch} and adds them to the accumulated gradients, without
   * an optimizer step; adds the batch loss to {@code losses} under this component's name.
   */
  void update(List<Example<D>> batch, double dropout, LossTotals losses);

  /** Applies the accumulated gradients with {@code optimizer} and zeroes them. */
  void finishUpdate(Optimizer optimizer);

  /**
   * Swaps in the averaged weights by key until the returned handle is closed (for evaluation and
   * saving under the optimizer's averages).
   */
  ParamsSwap useParams(Map<String, float[]> averages);

  /**
   * The states of this component's random streams (its dropout masks), by layer path. The loop
   * takes them before a step that a loss guard may stop and puts them back when it does, so that
   * the stopped step leaves no trace. A component that draws no random numbers keeps the default.
   */
  default Map<String, Long> randomStates() {
    return Map.of();
  }

  /** Puts back the states {@link #randomStates} returned. */
  default void restoreRandomStates(Map<String, Long> states) {}

  /** Restores the weights a {@link #useParams} call replaced. */
  interface ParamsSwap extends AutoCloseable {
    @Override
    void close();
  }
}
