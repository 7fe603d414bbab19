package dev.kiln.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Conversions from one resolved value type to a parameter type, added by registry providers. */
public final class Conversions {
  private record Conversion(Class<?> source, Class<?> target, Function<Object, Object> apply) {}

  private final List<Conversion> conversions = new ArrayList<>();

  @SuppressWarnings("unchecked")
  <S, T> void add(Class<S> source, Class<T> target, Function<S, T> conversion) {
    conversions.add(new Conversion(source, target, (Function<Object, Object>) conversion));
  }

  /** {@code value} converted to {@code target}, if some conversion accepts it. */
  public Optional<Object> convert(Object value, Class<?> target) {
    for (Conversion c : conversions) {
      if (c.target().equals(target) && c.source().isInstance(value)) {
        return Optional.of(c.apply().apply(value));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether some conversion could turn a value of type {@code source} into {@code target}; used
   * when validating without calling functions, where only declared return types are known.
   */
  public boolean canConvert(Class<?> source, Class<?> target) {
    for (Conversion c : conversions) {
      if (c.target().equals(target)
          && (c.source().isAssignableFrom(source) || source.isAssignableFrom(c.source()))) {
        return true;
      }
    }
    return false;
  }
}
