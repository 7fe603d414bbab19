package dev.kiln.nn.layers;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.ops.SequenceOps;
import java.util.List;

/**
 * Converts a batch of sequences between its three forms (a list of 2-d arrays, a
 * {@link Ragged}, a {@link Padded}) and back to the form it came in, for the {@code with_*}
 * adapters.
 */
final class SequenceForms {
  private SequenceForms() {}

  @SuppressWarnings("unchecked")
  static List<Floats> toList(Object x) {
    if (x instanceof Ragged ragged) {
      return SequenceOps.unflatten(ragged);
    } else if (x instanceof Padded padded) {
      return SequenceOps.unpad(padded);
    } else if (x instanceof List<?> list) {
      return (List<Floats>) list;
    }
    throw unsupported(x);
  }

  static Ragged toRagged(Object x) {
    return x instanceof Ragged ragged ? ragged : SequenceOps.flatten(toList(x));
  }

  static Padded toPadded(Object x) {
    return x instanceof Padded padded ? padded : SequenceOps.pad(toList(x));
  }

  /** {@code value} (in any form) converted to the form of {@code like}. */
  static Object asFormOf(Object like, Object value) {
    if (like instanceof Ragged) {
      return toRagged(value);
    } else if (like instanceof Padded) {
      return toPadded(value);
    } else if (like instanceof List<?>) {
      return toList(value);
    }
    throw unsupported(like);
  }

  private static IllegalArgumentException unsupported(Object x) {
    return new IllegalArgumentException("expected a list of arrays, a Ragged or a Padded, got "
        + (x == null ? "null" : x.getClass().getName()));
  }
}
