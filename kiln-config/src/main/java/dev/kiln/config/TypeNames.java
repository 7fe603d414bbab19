package dev.kiln.config;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Java types as configs talk about them: raw classes, type arguments and readable names. */
final class TypeNames {
  private TypeNames() {}

  /** The class behind {@code type}: {@code List} for {@code List<String>}. */
  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType a) {
      return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  /** The {@code index}-th type argument of {@code type}, {@code Object} when it has none. */
  static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      Type argument = p.getActualTypeArguments()[index];
      return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
    }
    return Object.class;
  }

  /** The element type of an array type. */
  static Type component(Type type) {
    if (type instanceof GenericArrayType a) {
      return a.getGenericComponentType();
    }
    return raw(type).getComponentType();
  }

  /** The wrapper class of a primitive class, the class itself otherwise. */
  static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "boolean" -> Boolean.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> Void.class;
    };
  }

  /** What a value of {@code type} looks like to a config author: {@code a list of integers}. */
  static String describe(Type type) {
    Class<?> raw = boxed(raw(type));
    if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class) {
      return "an integer (" + raw(type).getSimpleName() + ")";
    }
    if (raw == Double.class || raw == Float.class) {
      return "a number (" + raw(type).getSimpleName() + ")";
    }
    if (raw == Boolean.class) {
      return "true or false";
    }
    if (raw == String.class) {
      return "a string";
    }
    if (raw == Path.class) {
      return "a file path";
    }
    if (raw == Optional.class) {
      return describe(argument(type, 0)) + " or null";
    }
    if (List.class.isAssignableFrom(raw) || raw.isArray()) {
      Type element = raw.isArray() ? component(type) : argument(type, 0);
      return element == Object.class ? "a list" : "a list of " + plural(element);
    }
    if (Map.class.isAssignableFrom(raw)) {
      Type value = argument(type, 1);
      return value == Object.class ? "an object" : "an object of " + plural(value);
    }
    if (raw.isEnum()) {
      return "one of " + allowed(raw);
    }
    if (raw.isRecord()) {
      List<String> keys = ArgumentSpec.ofRecord(raw).stream().map(ArgumentSpec::key).toList();
      return article(raw.getSimpleName()) + " (an object with keys " + String.join(", ", keys)
          + ")";
    }
    if (raw == Object.class) {
      return "any value";
    }
    return article(raw.getSimpleName());
  }

  /** {@code an Optimizer}, {@code a Schedule}. */
  private static String article(String noun) {
    return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** The names an enum accepts, as a config would write them. */
  static String allowed(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.joining(", "));
  }

  /** What a config value is, for "found ...": {@code the string "fast"}, {@code the number 3.5}. */
  static String describeValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Pending pending) {
      return pending.describe();
    }
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (value instanceof Number n) {
      return "the number " + n;
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "an object (a section)";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }

  /** {@code an integer (int)} becomes {@code integer (int)}, to follow "a list of". */
  private static String plural(Type element) {
    return describe(element).replaceFirst("^(an|a) ", "");
  }
}
