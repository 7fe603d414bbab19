package dev.kiln.nn;

/**
 * A layer's initialisation: infers missing dimensions from sample input {@code x} and output
 * {@code y} (either may be null) and allocates parameters, drawing from {@link Model#rng()}.
 */
@FunctionalInterface
public interface Init<I, O> {
  void initialize(Model<I, O> model, I x, O y);

  /** An init that does nothing, for layers without parameters or dimensions. */
  static <I, O> Init<I, O> none() {
    return (model, x, y) -> {};
  }
}
