package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Chains {@code n} independent copies of a layer (each with its own weights); with
 * {@code n = 0}, a {@link Noop}. Thinc's {@code clone}.
 */
public final class Clone {
  private Clone() {}

  @Registered(category = "layers", name = "clone.v1")
  public static <T> Model<T, T> create(Model<T, T> orig, int n) {
    if (n == 0) {
      return Noop.create();
    }
    List<Model<?, ?>> copies = new ArrayList<>();
    copies.add(orig);
    for (int i = 1; i < n; i++) {
      copies.add(orig.copy());
    }
    return Chain.create(copies);
  }
}
