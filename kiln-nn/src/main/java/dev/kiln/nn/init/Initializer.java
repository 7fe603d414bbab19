package dev.kiln.nn.init;

import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;

/**
 * Makes a parameter's initial values: Thinc's {@code init_W(ops, shape)}. For a weight matrix
 * of shape (nO, nI), fan-in is {@code shape[1]} and fan-out {@code shape[0]}, as in Thinc.
 */
@FunctionalInterface
public interface Initializer {
  Floats apply(Rng rng, int... shape);
}
