package dev.kiln.nn.init;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;

/** Thinc's initializers, registered under Thinc's names in category {@code initializers}. */
public final class Initializers {
  private Initializers() {}

  /** Uniform in ±sqrt(6 / (fan_in + fan_out)). */
  @Registered(category = "initializers", name = "glorot_uniform_init.v1")
  public static Initializer glorotUniform() {
    return (rng, shape) -> {
      double scale = Math.sqrt(6.0 / (fanOut(shape) + fanIn(shape)));
      return uniform(rng, shape, -scale, scale);
    };
  }

  /** Normal with mean 0 and standard deviation sqrt(2 / (fan_in + fan_out)). */
  @Registered(category = "initializers", name = "glorot_normal_init.v1")
  public static Initializer glorotNormal() {
    return (rng, shape) -> normal(rng, shape, 0, Math.sqrt(2.0 / (fanOut(shape) + fanIn(shape))));
  }

  /** Normal with mean 0 and standard deviation sqrt(2 / fan_in). */
  @Registered(category = "initializers", name = "he_normal_init.v1")
  public static Initializer heNormal() {
    return (rng, shape) -> normal(rng, shape, 0, Math.sqrt(2.0 / fanIn(shape)));
  }

  /**
   * Normal around {@code mean} with standard deviation sqrt(1 / fan_in). (Thinc 8.1's
   * {@code normal_init} passes {@code mean} as the scale by mistake and so returns zeros for
   * the default; kiln follows the documented intent.)
   */
  @Registered(category = "initializers", name = "normal_init.v1")
  public static Initializer normalInit(@Default("0") double mean) {
    return (rng, shape) -> normal(rng, shape, mean, Math.sqrt(1.0 / fanIn(shape)));
  }

  /** Uniform in [lo, hi). */
  @Registered(category = "initializers", name = "uniform_init.v1")
  public static Initializer uniformInit(@Default("-0.1") double lo, @Default("0.1") double hi) {
    return (rng, shape) -> uniform(rng, shape, lo, hi);
  }

  /** All zeros. */
  @Registered(category = "initializers", name = "zero_init.v1")
  public static Initializer zeroInit() {
    return (rng, shape) -> Floats.zeros(shape);
  }

  private static int fanIn(int[] shape) {
    return shape.length > 1 ? shape[1] : shape[0];
  }

  private static int fanOut(int[] shape) {
    return shape[0];
  }

  private static Floats uniform(Rng rng, int[] shape, double lo, double hi) {
    Floats out = Floats.zeros(shape);
    float[] data = out.data();
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
    return out;
  }

  private static Floats normal(Rng rng, int[] shape, double mean, double std) {
    Floats out = Floats.zeros(shape);
    float[] data = out.data();
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (mean + std * rng.nextGaussian());
    }
    return out;
  }
}
