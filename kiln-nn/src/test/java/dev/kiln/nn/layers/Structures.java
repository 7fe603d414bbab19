package dev.kiln.nn.layers;

import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Walks the float arrays inside layer inputs and outputs (arrays, ragged, padded, lists). */
final class Structures {
  private Structures() {}

  /** The float arrays inside {@code x}, in a fixed order; ids contribute none. */
  static List<float[]> floats(Object x) {
    List<float[]> out = new ArrayList<>();
    collect(x, out);
    return out;
  }

  private static void collect(Object x, List<float[]> out) {
    if (x instanceof Floats f) {
      out.add(f.data());
    } else if (x instanceof Ragged r) {
      out.add(r.data().data());
    } else if (x instanceof Padded p) {
      out.add(p.data().data());
    } else if (x instanceof List<?> list) {
      for (Object item : list) {
        collect(item, out);
      }
    } else if (!(x instanceof Ints)) {
      throw new IllegalArgumentException("unknown structure " + x);
    }
  }

  /** Random values in the structure of {@code like}. */
  static Object randomLike(Object like, Rng rng) {
    if (like instanceof Floats f) {
      Floats out = Floats.zeros(f.shape());
      for (int i = 0; i < out.size(); i++) {
        out.data()[i] = (float) rng.nextGaussian();
      }
      return out;
    } else if (like instanceof Ragged r) {
      return r.withData((Floats) randomLike(r.data(), rng));
    } else if (like instanceof Padded p) {
      return new Padded((Floats) randomLike(p.data(), rng), p.lengths());
    } else if (like instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(randomLike(item, rng));
      }
      return out;
    }
    throw new IllegalArgumentException("unknown structure " + like);
  }

  /** The shape of a structure, as text, for comparing an input with its gradient. */
  static String shapeOf(Object x) {
    if (x instanceof Floats f) {
      return "Floats" + Arrays.toString(f.shape());
    } else if (x instanceof Ints i) {
      return "Ints" + Arrays.toString(i.shape());
    } else if (x instanceof Ragged r) {
      return "Ragged(" + shapeOf(r.data()) + ", " + Arrays.toString(r.lengths().data()) + ")";
    } else if (x instanceof Padded p) {
      return "Padded(" + shapeOf(p.data()) + ", " + Arrays.toString(p.lengths().data()) + ")";
    } else if (x instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object item : list) {
        parts.add(shapeOf(item));
      }
      return parts.toString();
    }
    throw new IllegalArgumentException("unknown structure " + x);
  }

  static double dot(List<float[]> a, List<float[]> b) {
    double sum = 0;
    for (int k = 0; k < a.size(); k++) {
      for (int i = 0; i < a.get(k).length; i++) {
        sum += (double) a.get(k)[i] * b.get(k)[i];
      }
    }
    return sum;
  }

  /** Floats (rows, cols) of Gaussian values scaled by {@code scale}. */
  static Floats gaussian(Rng rng, double scale, int rows, int cols) {
    Floats out = Floats.zeros(rows, cols);
    for (int i = 0; i < out.size(); i++) {
      out.data()[i] = (float) (scale * rng.nextGaussian());
    }
    return out;
  }

  static Ragged ragged(Rng rng, int cols, int... lengths) {
    int total = Arrays.stream(lengths).sum();
    return new Ragged(gaussian(rng, 1, total, cols), Ints.of(lengths));
  }

  static List<Floats> list(Rng rng, int cols, int... lengths) {
    List<Floats> out = new ArrayList<>();
    for (int length : lengths) {
      out.add(gaussian(rng, 1, length, cols));
    }
    return out;
  }
}
