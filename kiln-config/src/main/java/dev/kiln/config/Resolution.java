package dev.kiln.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bottom-up walk over a config: every promise's arguments are resolved before the promise is
 * bound to its function's parameters and, when calling, called.
 *
 * <p>Promises are sections (or inline JSON objects) with one {@code @category} key, as in
 * confection; values inside JSON lists are taken as written, again as in confection. A
 * {@code *} section becomes the list of its values. Without calling, each promise stands as a
 * {@link Pending} checked against the parameter types by its declared return type.
 */
final class Resolution {
  private final Registries registries;
  private final Problems problems;
  private final boolean call;
  private final TypeCoercion coercion;
  private final ArgumentBinder binder;

  /**
   * @param call whether to call the registered functions ({@link Resolver}) or only validate
   *     ({@link Filler})
   */
  Resolution(Registries registries, Problems problems, boolean call) {
    this.registries = registries;
    this.problems = problems;
    this.call = call;
    this.coercion = new TypeCoercion(registries.conversions(), problems);
    this.binder = new ArgumentBinder(coercion, problems);
  }

  TypeCoercion coercion() {
    return coercion;
  }

  /** A config value with its promises resolved. */
  Object value(Object value, Location at) {
    if (value instanceof Section section) {
      return section.isPromise() ? promise(section, at) : section(section, at);
    }
    if (value instanceof Map<?, ?> map) {
      Section inline = InlineObjects.toSection(map, at.line());
      return inline.isPromise() ? promise(inline, at) : section(inline, at);
    }
    return Section.copyValue(value);
  }

  /** A plain section as an ordered map of resolved values; {@code *} children become a list. */
  ResolvedMap section(Section section, Location at) {
    ResolvedMap out = new ResolvedMap();
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      String key = e.getKey();
      Location child = at.child(key, section.lineOf(key));
      if (key.equals(Section.POSITIONAL) && e.getValue() instanceof Section positional) {
        out.put(key, positional(positional, child).values(), child.line());
      } else {
        out.put(key, value(e.getValue(), child), child.line());
      }
    }
    return out;
  }

  private Object promise(Section section, Location at) {
    Optional<RegisteredFunction> function = function(section, at);
    ResolvedMap keywords = new ResolvedMap();
    Positional positional = new Positional(List.of(), List.of());
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      String key = e.getKey();
      Location child = at.child(key, section.lineOf(key));
      if (key.startsWith("@")) {
        continue;
      }
      if (key.equals(Section.POSITIONAL) && e.getValue() instanceof Section args) {
        positional = positional(args, child);
      } else if (key.equals(Section.POSITIONAL) && e.getValue() instanceof List<?> args) {
        positional = positional(args, child);
      } else {
        keywords.put(key, value(e.getValue(), child), child.line());
      }
    }
    if (function.isEmpty()) {
      return Invalid.VALUE;
    }
    RegisteredFunction f = function.get();
    String target = "@" + f.category() + " \"" + f.name() + "\"";
    Optional<Object[]> args =
        binder.bind(ArgumentSpec.of(f.method()),
            new Arguments(keywords, positional.values(), positional.at()), target, at,
            spec -> value(DefaultValue.parse(spec.defaultText().orElseThrow()),
                at.child(spec.key(), 0)));
    if (args.isEmpty()) {
      return Invalid.VALUE;
    }
    return call ? invoke(f, args.get(), target, at, keywords) : new Pending(f);
  }

  /** The function a promise names, after reporting why there is none. */
  private Optional<RegisteredFunction> function(Section section, Location at) {
    List<String> keys = section.promiseKeys();
    if (keys.size() > 1) {
      problems.add(at, ErrorCode.E046, String.join(", ", keys));
      return Optional.empty();
    }
    String category = keys.get(0).substring(1);
    Location nameAt = at.child(keys.get(0), section.lineOf(keys.get(0)));
    if (!registries.categories().contains(category)) {
      problems.add(nameAt, ErrorCode.E058, category,
          Suggestions.didYouMean(category, registries.categories()),
          String.join(", ", registries.categories()));
      return Optional.empty();
    }
    Object name = section.get(keys.get(0));
    if (!(name instanceof String text)) {
      problems.add(nameAt, ErrorCode.E047, "a registered name (a string)",
          TypeNames.describeValue(name));
      return Optional.empty();
    }
    Optional<RegisteredFunction> found = registries.find(category, text);
    Optional<String> spacyInstead = SpacyNames.instead(category, text);
    if (found.isEmpty() && spacyInstead.isPresent()) {
      problems.add(nameAt, ErrorCode.E084, text, category, spacyInstead.get());
    } else if (found.isEmpty()) {
      problems.add(nameAt, ErrorCode.E041, text, category, suggestion(text, category));
    }
    return found;
  }

  /** Close names in the category, else the categories where the exact name is registered. */
  private String suggestion(String name, String category) {
    String similar = Suggestions.didYouMean(name, registries.names(category));
    if (!similar.isEmpty()) {
      return similar;
    }
    List<String> elsewhere = new ArrayList<>();
    for (String other : registries.categories()) {
      if (registries.find(other, name).isPresent()) {
        elsewhere.add("@" + other);
      }
    }
    return elsewhere.isEmpty() ? "" : " It is registered in " + String.join(" and ", elsewhere)
        + ": write " + elsewhere.get(0) + " = \"" + name + "\".";
  }

  private Positional positional(Section section, Location at) {
    List<Object> values = new ArrayList<>();
    List<Location> locations = new ArrayList<>();
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      Location child = at.child(e.getKey(), section.lineOf(e.getKey()));
      values.add(value(e.getValue(), child));
      locations.add(child);
    }
    return new Positional(values, locations);
  }

  /** Positional arguments written as a JSON list ({@code * = [1, 2]}), as confection allows. */
  private Positional positional(List<?> items, Location at) {
    List<Object> values = new ArrayList<>();
    List<Location> locations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Location child = at.child("[" + i + "]", at.line());
      values.add(value(items.get(i), child));
      locations.add(child);
    }
    return new Positional(values, locations);
  }

  private Object invoke(RegisteredFunction f, Object[] args, String target, Location at, ResolvedMap keywords) {
    Method method = f.method();
    try {
      method.trySetAccessible();
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof KilnException rejected) {
        problems.rejected(at, target, rejected, keywords);
        return Invalid.VALUE;
      }
      throw Calls.rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + f.describe(), e);
    }
  }

  /** The values of a {@code *} section in order, and where each was written. */
  private record Positional(List<Object> values, List<Location> at) {}
}
