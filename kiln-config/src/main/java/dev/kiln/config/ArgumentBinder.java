package dev.kiln.config;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches the arguments a config gives to the parameters of a registered function or the
 * components of a record: positional first, then by name, then defaults, converting each value to
 * its parameter type and reporting unknown, missing and doubly given arguments.
 */
final class ArgumentBinder {
  private final TypeCoercion coercion;
  private final Problems problems;

  ArgumentBinder(TypeCoercion coercion, Problems problems) {
    this.coercion = coercion;
    this.problems = problems;
  }

  /**
   * The values to call with, in parameter order, or empty after reporting why there are none.
   *
   * @param target what is called, for messages: {@code @optimizers "Adam.v1"}
   * @param defaults the value of an argument the config leaves out, from its {@link Default}
   */
  Optional<Object[]> bind(
      List<ArgumentSpec> specs,
      Arguments given,
      String target,
      Location at,
      Function<ArgumentSpec, Object> defaults) {
    int before = problems.count();
    Object[] values = new Object[specs.size()];
    boolean[] set = new boolean[specs.size()];
    bindPositional(specs, given, target, at, values, set);
    for (Map.Entry<String, Object> e : given.keywords().entrySet()) {
      String key = e.getKey();
      Location keyAt = at.child(key, given.keywords().lineOf(key));
      int i = indexOf(specs, key);
      if (i < 0) {
        List<String> accepted = keys(specs);
        problems.add(keyAt, ErrorCode.E052, key, target,
            accepted.isEmpty() ? "no arguments" : String.join(", ", accepted),
            Suggestions.didYouMean(key, accepted));
      } else if (set[i]) {
        problems.add(keyAt, ErrorCode.E056, key, target);
      } else {
        values[i] = argument(specs.get(i), e.getValue(), keyAt);
        set[i] = true;
      }
    }
    for (int i = 0; i < specs.size(); i++) {
      if (!set[i]) {
        values[i] = missing(specs.get(i), target, at, defaults);
      }
    }
    boolean invalid = problems.count() > before || Arrays.asList(values).contains(Invalid.VALUE);
    return invalid ? Optional.empty() : Optional.of(values);
  }

  /** Builds a record of {@code recordType} from a JSON object or a resolved section. */
  Object bindRecord(Map<?, ?> map, Class<?> recordType, Location at) {
    ResolvedMap keywords = new ResolvedMap();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      keywords.put(key, e.getValue(), ResolvedMap.lineOf(map, key, at.line()));
    }
    Optional<Object[]> args =
        bind(ArgumentSpec.ofRecord(recordType), Arguments.keywordsOnly(keywords),
            "record " + recordType.getSimpleName(), at,
            spec -> DefaultValue.parse(spec.defaultText().orElseThrow()));
    if (args.isEmpty()) {
      return Invalid.VALUE;
    }
    for (Object arg : args.get()) {
      // Validation without calls: the record cannot be built yet, but it is valid.
      if (arg instanceof Pending pending) {
        return pending;
      }
    }
    return construct(ArgumentSpec.canonicalConstructor(recordType), args.get(), recordType, at, keywords);
  }

  private Object construct(Constructor<?> constructor, Object[] args, Class<?> type, Location at, ResolvedMap keywords) {
    try {
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof KilnException rejected) {
        problems.rejected(at, "record " + type.getSimpleName(), rejected, keywords);
        return Invalid.VALUE;
      }
      throw Calls.rethrow(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private void bindPositional(
      List<ArgumentSpec> specs, Arguments given, String target, Location at, Object[] values,
      boolean[] set) {
    List<Object> positional = given.positional();
    int rest = restIndex(specs);
    int leading = rest >= 0 ? rest : specs.size();
    if (rest < 0 && positional.size() > leading) {
      problems.add(at.child(Section.POSITIONAL, at.line()), ErrorCode.E055, target, leading,
          positional.size());
    }
    for (int i = 0; i < Math.min(leading, positional.size()); i++) {
      values[i] = argument(specs.get(i), positional.get(i), given.positionalAt().get(i));
      set[i] = true;
    }
    if (rest >= 0) {
      int from = Math.min(leading, positional.size());
      values[rest] = rest(specs.get(rest), positional.subList(from, positional.size()),
          given.positionalAt().subList(from, positional.size()));
      set[rest] = true;
    }
  }

  /** The remaining positional values as the list or array the rest parameter wants. */
  private Object rest(ArgumentSpec spec, List<Object> values, List<Location> at) {
    Class<?> raw = TypeNames.raw(spec.type());
    Type element = raw.isArray() ? TypeNames.component(spec.type()) : TypeNames.argument(spec.type(), 0);
    List<Object> items = new ArrayList<>(values.size());
    Object pending = null;
    boolean invalid = false;
    for (int i = 0; i < values.size(); i++) {
      Object item = coercion.coerce(values.get(i), element, at.get(i));
      pending = item instanceof Pending ? item : pending;
      invalid |= item == Invalid.VALUE;
      items.add(item);
    }
    if (invalid) {
      return Invalid.VALUE;
    }
    if (pending != null || !raw.isArray()) {
      return pending != null ? pending : items;
    }
    Object array = Array.newInstance(TypeNames.raw(element), items.size());
    for (int i = 0; i < items.size(); i++) {
      Array.set(array, i, items.get(i));
    }
    return array;
  }

  private Object missing(
      ArgumentSpec spec, String target, Location at, Function<ArgumentSpec, Object> defaults) {
    Location keyAt = at.child(spec.key(), 0);
    if (spec.defaultText().isPresent()) {
      return argument(spec, defaults.apply(spec), keyAt);
    }
    if (spec.isOptionalType()) {
      return Optional.empty();
    }
    problems.add(at.child(spec.key(), at.line()), ErrorCode.E051, spec.key(),
        TypeNames.describe(spec.type()), target);
    return Invalid.VALUE;
  }

  private Object argument(ArgumentSpec spec, Object value, Location at) {
    if (value == null && spec.nullable() && !spec.isOptionalType()) {
      return null;
    }
    return coercion.coerce(value, spec.type(), at);
  }

  private static int indexOf(List<ArgumentSpec> specs, String key) {
    for (int i = 0; i < specs.size(); i++) {
      if (!specs.get(i).takesRest() && specs.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static int restIndex(List<ArgumentSpec> specs) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).takesRest()) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> keys(List<ArgumentSpec> specs) {
    return specs.stream().filter(s -> !s.takesRest()).map(ArgumentSpec::key).toList();
  }
}
