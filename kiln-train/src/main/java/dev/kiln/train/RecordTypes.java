package dev.kiln.train;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The kind of record a component reads, from the type argument its class gives
 * {@link Component} (a {@code TextCategorizer} is a {@code Component<Doc>}): what a pipeline's
 * components take is known only to their classes, the pipeline's own type argument being erased.
 */
final class RecordTypes {
  private RecordTypes() {}

  /** The record class {@code component} reads, or empty when its class leaves it generic. */
  static Optional<Class<?>> of(Component<?> component) {
    return find(component.getClass());
  }

  private static Optional<Class<?>> find(Class<?> type) {
    for (Type implemented : type.getGenericInterfaces()) {
      Optional<Class<?>> found = fromType(implemented);
      if (found.isPresent()) {
        return found;
      }
    }
    Type parent = type.getGenericSuperclass();
    return parent == null ? Optional.empty() : fromType(parent);
  }

  private static Optional<Class<?>> fromType(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
        && Component.class.isAssignableFrom(raw) && parameterized.getActualTypeArguments()[0] instanceof Class<?> record) {
      return Optional.of(record);
    }
    Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
        : type instanceof Class<?> plain ? plain : null;
    return raw == null || !Component.class.isAssignableFrom(raw) ? Optional.empty() : find(raw);
  }
}
