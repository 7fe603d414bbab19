package dev.kiln.nn;

/**
 * A small seeded random number generator (SplitMix64) whose whole state is one {@code long}, so
 * a checkpoint can save and restore it exactly.
 *
 * <p>kiln draws every random number (initial weights, dropout masks, shuffles) from an
 * {@code Rng} derived from one root seed; nothing uses {@code Math.random} or an unseeded
 * {@code Random}.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;
  private double spareGaussian = Double.NaN;

  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * The generator for the part of a run named {@code path} (a model's position in its tree,
   * "shuffle", ...): the same root seed and path always give the same stream, and different
   * paths give independent-looking streams.
   */
  public static Rng derive(long rootSeed, String path) {
    long h = mix(rootSeed ^ GOLDEN);
    for (int i = 0; i < path.length(); i++) {
      h = mix(h ^ path.charAt(i));
    }
    return new Rng(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The current state; {@code new Rng(rng.state())} continues the same stream. */
  public long state() {
    return state;
  }

  /** Restores a state returned by {@link #state()}. */
  public void setState(long state) {
    this.state = state;
    this.spareGaussian = Double.NaN;
  }

  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** A uniform float in [0, 1) with 24 random bits. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** A uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform int in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** A standard normal sample (Marsaglia's polar method). */
  public double nextGaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double spare = spareGaussian;
      spareGaussian = Double.NaN;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    return u * factor;
  }
}
