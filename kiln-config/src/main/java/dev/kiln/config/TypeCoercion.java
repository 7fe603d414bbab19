package dev.kiln.config;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts resolved config values to the Java types of parameters and record components,
 * reporting every value that does not fit instead of stopping at the first.
 *
 * <p>A value that does not fit adds a problem and comes back as {@link Invalid#VALUE}.
 */
final class TypeCoercion {
  private final Conversions conversions;
  private final Problems problems;
  private final ArgumentBinder recordBinder;

  TypeCoercion(Conversions conversions, Problems problems) {
    this.conversions = conversions;
    this.problems = problems;
    this.recordBinder = new ArgumentBinder(this, problems);
  }

  /** {@code value} as a {@code type}, or {@link Invalid#VALUE} after reporting why not. */
  Object coerce(Object value, Type type, Location at) {
    Class<?> raw = TypeNames.raw(type);
    if (value == Invalid.VALUE) {
      return value;
    }
    if (raw == Optional.class) {
      return optional(value, type, at);
    }
    if (value instanceof Pending pending) {
      return pending(pending, type, at);
    }
    if (value == null) {
      if (raw == Object.class) {
        return null;
      }
      return invalid(at, ErrorCode.E054, TypeNames.describe(type));
    }
    Class<?> boxed = TypeNames.boxed(raw);
    if (value instanceof Number n && Number.class.isAssignableFrom(boxed)) {
      return number(n, raw, at);
    }
    if (value instanceof List<?> list && (List.class.isAssignableFrom(raw) || raw.isArray())) {
      return raw.isArray() ? array(list, type, at) : list(list, type, at);
    }
    if (value instanceof Map<?, ?> map && Map.class.isAssignableFrom(raw)) {
      return map(map, type, at);
    }
    if (value instanceof Map<?, ?> map && raw.isRecord()) {
      return recordBinder.bindRecord(map, raw, at);
    }
    if (value instanceof String s && raw.isEnum()) {
      return enumConstant(s, raw, at);
    }
    if (value instanceof String s && raw == Path.class) {
      return path(s, at);
    }
    if (boxed.isInstance(value)) {
      return value;
    }
    Optional<Object> converted = conversions.convert(value, raw);
    if (converted.isPresent()) {
      return converted.get();
    }
    return invalid(at, ErrorCode.E047, expected(type), TypeNames.describeValue(value));
  }

  /** What a value of {@code type} may be written as: "a number or a Schedule" when numbers convert to it. */
  private String expected(Type type) {
    boolean fromNumbers = !Number.class.isAssignableFrom(TypeNames.boxed(TypeNames.raw(type)))
        && conversions.canConvert(Double.class, TypeNames.raw(type));
    return (fromNumbers ? "a number or " : "") + TypeNames.describe(type);
  }

  private Object optional(Object value, Type type, Location at) {
    if (value == null) {
      return Optional.empty();
    }
    Object inner = coerce(value, TypeNames.argument(type, 0), at);
    return inner == Invalid.VALUE || inner instanceof Pending ? inner : Optional.of(inner);
  }

  /** A promise not called: its declared return type must fit, directly or by a conversion. */
  private Object pending(Pending pending, Type type, Location at) {
    Class<?> raw = TypeNames.boxed(TypeNames.raw(type));
    Class<?> returned = TypeNames.boxed(pending.returnType());
    boolean fits =
        raw.isAssignableFrom(returned)
            || returned == Object.class
            || conversions.canConvert(returned, TypeNames.raw(type));
    if (fits) {
      return pending;
    }
    return invalid(at, ErrorCode.E047, TypeNames.describe(type), pending.describe());
  }

  private Object number(Number n, Class<?> target, Location at) {
    Class<?> boxed = TypeNames.boxed(target);
    if (boxed == Number.class) {
      return n;
    }
    if (boxed == Double.class) {
      return n.doubleValue();
    }
    if (boxed == Float.class) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
        return invalid(at, ErrorCode.E048, n, "float", -Float.MAX_VALUE, Float.MAX_VALUE);
      }
      return (float) d;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (d != Math.rint(d)) {
        return invalid(at, ErrorCode.E049, target.getSimpleName(), n);
      }
      if (d < -0x1p63 || d >= 0x1p63) {
        return outOfRange(n, boxed, at);
      }
      n = (long) d;
    }
    if (n instanceof BigInteger big && big.bitLength() > 63) {
      return outOfRange(n, boxed, at);
    }
    long v = n.longValue();
    if (boxed == Long.class) {
      return v;
    }
    if (boxed == Integer.class && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      return (int) v;
    }
    if (boxed == Short.class && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      return (short) v;
    }
    if (boxed == Byte.class && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      return (byte) v;
    }
    if (boxed == Integer.class || boxed == Short.class || boxed == Byte.class) {
      return outOfRange(n, boxed, at);
    }
    return invalid(at, ErrorCode.E047, TypeNames.describe(target), TypeNames.describeValue(n));
  }

  private Object outOfRange(Number n, Class<?> boxed, Location at) {
    String type = TypeNames.raw(boxed).getSimpleName();
    Object[] range =
        switch (type) {
          case "Integer" -> new Object[] {"int", Integer.MIN_VALUE, Integer.MAX_VALUE};
          case "Short" -> new Object[] {"short", Short.MIN_VALUE, Short.MAX_VALUE};
          case "Byte" -> new Object[] {"byte", Byte.MIN_VALUE, Byte.MAX_VALUE};
          default -> new Object[] {"long", Long.MIN_VALUE, Long.MAX_VALUE};
        };
    return invalid(at, ErrorCode.E048, n, range[0], range[1], range[2]);
  }

  private Object list(List<?> values, Type type, Location at) {
    Type element = TypeNames.argument(type, 0);
    List<Object> out = new ArrayList<>(values.size());
    int before = problems.count();
    for (int i = 0; i < values.size(); i++) {
      out.add(coerce(values.get(i), element, at.child("[" + i + "]", at.line())));
    }
    return problems.count() > before || out.contains(Invalid.VALUE) ? Invalid.VALUE : out;
  }

  private Object array(List<?> values, Type type, Location at) {
    Object list = list(values, new ListOf(TypeNames.component(type)), at);
    if (list == Invalid.VALUE) {
      return list;
    }
    List<?> items = (List<?>) list;
    Object array = Array.newInstance(TypeNames.raw(TypeNames.component(type)), items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      // Validation leaves uncalled promises in place; they cannot be stored in a typed array.
      if (item instanceof Pending) {
        return item;
      }
      Array.set(array, i, item);
    }
    return array;
  }

  private Object map(Map<?, ?> values, Type type, Location at) {
    Type valueType = TypeNames.argument(type, 1);
    Map<String, Object> out = new LinkedHashMap<>();
    int before = problems.count();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      String key = String.valueOf(e.getKey());
      Location child = at.child(key, ResolvedMap.lineOf(values, key, at.line()));
      out.put(key, coerce(e.getValue(), valueType, child));
    }
    return problems.count() > before || out.containsValue(Invalid.VALUE) ? Invalid.VALUE : out;
  }

  private Object enumConstant(String name, Class<?> enumType, Location at) {
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(name.strip())) {
        return constant;
      }
    }
    return invalid(at, ErrorCode.E050, name, TypeNames.allowed(enumType));
  }

  private Object path(String text, Location at) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return invalid(at, ErrorCode.E057, text, e.getReason());
    }
  }

  private Object invalid(Location at, ErrorCode code, Object... args) {
    problems.add(at, code, args);
    return Invalid.VALUE;
  }

  /** {@code List<T>} for an array's component type, so arrays reuse the list rules. */
  private record ListOf(Type element) implements java.lang.reflect.ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {element};
    }

    @Override
    public Type getRawType() {
      return List.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }
}
