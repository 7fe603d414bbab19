package dev.kiln.train;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The first class given as the record type by {@code type} (a component interface such as
   * {@code Annotator<Doc>}) or by one of its supertypes.
   */
  private static Optional<Class<?>> find(Type type) {
    Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
        : (Class<?>) type;
    if (!Component.class.isAssignableFrom(raw)) {
      return Optional.empty();
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> record) {
      return Optional.of(record);
    }
    List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
    if (raw.getGenericSuperclass() != null) {
      supertypes.add(raw.getGenericSuperclass());
    }
    for (Type supertype : supertypes) {
      Optional<Class<?>> found = find(supertype);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
