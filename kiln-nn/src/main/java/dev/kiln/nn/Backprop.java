package dev.kiln.nn;

/**
 * The callback a forward pass returns: given the gradient of the loss with respect to the
 * output, it accumulates the gradients of the parameters it used and returns the gradient with
 * respect to the input.
 *
 * @param <I> the input type (and so the type of the returned gradient)
 * @param <O> the output type
 */
@FunctionalInterface
public interface Backprop<I, O> {
  /** Accumulates parameter gradients and returns the input's gradient. */
  I apply(O dY);

  /**
   * Accumulates parameter gradients only, for callers that drop the input's gradient (a
   * training loop feeding data): dense layers then skip one matrix product.
   */
  default void accumulate(O dY) {
    apply(dY);
  }

  /** A callback whose {@link #accumulate} runs {@code paramsOnly} instead of {@code full}. */
  static <I, O> Backprop<I, O> of(Backprop<I, O> full, java.util.function.Consumer<O> paramsOnly) {
    return new Backprop<>() {
      @Override
      public I apply(O dY) {
        return full.apply(dY);
      }

      @Override
      public void accumulate(O dY) {
        paramsOnly.accept(dY);
      }
    };
  }
}
