package dev.kiln.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes every default back into a config ({@code kiln init fill-config}), so that a saved config
 * has no hidden defaults, and validates the result with the {@link Validator}.
 */
public final class Filler {
  private Filler() {}

  /**
   * A copy of {@code root} in which every promise has every argument: the ones left out are
   * appended, in parameter order, with their {@link Default} values. A default that is itself a
   * promise (a JSON object with an {@code @category} key) is written as a section and filled too.
   *
   * @throws KilnException {@link ErrorCode#E042} listing every problem found
   */
  public static Section fill(Section root, Registries registries) {
    Section filled = fillSection(root, registries);
    Validator.validate(filled, registries);
    return filled;
  }

  /**
   * A copy of {@code section}, a plain section read as a record (such as {@code [training]}),
   * with the record's defaults appended for the keys it leaves out and every promise in it
   * filled. Check it with {@link Resolver#resolveAs}.
   */
  public static Section fillAs(Section section, Class<? extends Record> recordType, Registries registries) {
    Section filled = fillSection(mergeDefaultsAs(section, recordType), registries);
    addDefaults(filled, ArgumentSpec.ofRecord(recordType), registries);
    return filled;
  }

  /**
   * {@code section}, read as a record, with spaCy's merge of the record's defaults (see
   * {@link #withDefaultsOfSameCalls}) and nothing else filled: for a caller that fills and
   * validates the whole config after.
   */
  public static Section mergeDefaultsAs(Section section, Class<? extends Record> recordType) {
    return withDefaultsOfSameCalls(section, ArgumentSpec.ofRecord(recordType));
  }

  private static Section fillSection(Section section, Registries registries) {
    Section copy = new Section(section.line());
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      Object value = e.getValue();
      Object filled =
          e.getKey().equals(Section.POSITIONAL) && value instanceof List<?> list
              ? list.stream().map(item -> fillValue(item, registries)).toList()
              : fillValue(value, registries);
      copy.put(e.getKey(), filled, section.lineOf(e.getKey()));
    }
    function(copy, registries).ifPresent(f -> addDefaults(copy, ArgumentSpec.of(f.method()), registries));
    return copy;
  }

  private static Object fillValue(Object value, Registries registries) {
    if (value instanceof Section section) {
      return fillSection(section, registries);
    }
    if (value instanceof Map<?, ?> map && InlineObjects.toSection(map, 0).isPromise()) {
      Section filled = fillSection(InlineObjects.toSection(map, 0), registries);
      Map<String, Object> out = new LinkedHashMap<>();
      filled.entries().forEach((k, v) -> out.put(k, v instanceof Section s ? toMap(s) : v));
      return out;
    }
    return Section.copyValue(value);
  }

  private static void addDefaults(Section promise, List<ArgumentSpec> specs, Registries registries) {
    Object star = promise.get(Section.POSITIONAL);
    int positional =
        star instanceof Section s ? s.keys().size() : star instanceof List<?> l ? l.size() : 0;
    for (int i = 0; i < specs.size(); i++) {
      ArgumentSpec spec = specs.get(i);
      boolean givenByPosition = !spec.takesRest() && i < positional && !hasRestBefore(specs, i);
      if (spec.takesRest() || givenByPosition || promise.has(spec.key())) {
        continue;
      }
      if (spec.defaultText().isPresent()) {
        Object value = DefaultValue.parse(spec.defaultText().get());
        if (value instanceof Map<?, ?> map && InlineObjects.toSection(map, 0).isPromise()) {
          value = fillSection(defaultSection(map), registries);
        }
        promise.put(spec.key(), value, 0);
      }
    }
  }

  /**
   * spaCy's merge of its default config into the user's (Thinc's {@code deep_merge_configs}), for
   * a record that stands for one of its sections ({@code [training]}): an argument written as a
   * call of the same function as its default, or as a section naming no function, takes the
   * default's other arguments. {@code [training.optimizer]} with {@code @optimizers = "Adam.v1"}
   * and a learn_rate gets spaCy's {@code L2 = 0.01}, not Adam's own {@code 0.0}; a call of
   * another function keeps that function's own defaults. (Registered functions' own defaults
   * fill missing arguments only, as Thinc's registry does.)
   */
  private static Section withDefaultsOfSameCalls(Section section, List<ArgumentSpec> specs) {
    Section merged = section;
    for (ArgumentSpec spec : specs) {
      if (spec.defaultText().isEmpty() || !(section.get(spec.key()) instanceof Section written)) {
        continue;
      }
      Object value = DefaultValue.parse(spec.defaultText().get());
      if (value instanceof Map<?, ?> map && InlineObjects.toSection(map, 0).isPromise()) {
        if (merged == section) {
          merged = section.copy();
        }
        merged.put(spec.key(), mergedWith(written, defaultSection(map)), section.lineOf(spec.key()));
      }
    }
    return merged;
  }

  /** {@code written} with the keys of {@code defaults} it lacks, nested sections alike, when both call the same function. */
  private static Section mergedWith(Section written, Section defaults) {
    boolean sameCall = written.promiseKeys().isEmpty() || (written.promiseKeys().equals(defaults.promiseKeys())
        && Objects.equals(written.get(written.promiseKeys().get(0)), defaults.get(defaults.promiseKeys().get(0))));
    if (!sameCall) {
      return written;
    }
    Section merged = written.copy();
    defaults.entries().forEach((key, value) -> {
      if (!merged.has(key)) {
        merged.put(key, Section.copyValue(value), 0);
      } else if (merged.get(key) instanceof Section inner && value instanceof Section innerDefaults) {
        merged.put(key, mergedWith(inner, innerDefaults), merged.lineOf(key));
      }
    });
    return merged;
  }

  /**
   * A default written as a promise, as a section whose nested promises are sections too: a filled
   * config then shows them as spaCy's does ({@code [training.batcher.size]}), not inline.
   */
  private static Section defaultSection(Map<?, ?> map) {
    Section section = new Section(0);
    map.forEach((key, value) -> section.put(String.valueOf(key),
        value instanceof Map<?, ?> inner && InlineObjects.toSection(inner, 0).isPromise() ? defaultSection(inner) : value, 0));
    return section;
  }

  private static boolean hasRestBefore(List<ArgumentSpec> specs, int index) {
    for (int i = 0; i < index; i++) {
      if (specs.get(i).takesRest()) {
        return true;
      }
    }
    return false;
  }

  /** The function a promise names, if it is a well-formed call of a known one. */
  private static Optional<RegisteredFunction> function(Section section, Registries registries) {
    List<String> keys = section.promiseKeys();
    if (keys.size() != 1 || !(section.get(keys.get(0)) instanceof String name)) {
      return Optional.empty();
    }
    return registries.find(keys.get(0).substring(1), name);
  }

  private static Map<String, Object> toMap(Section section) {
    Map<String, Object> out = new LinkedHashMap<>();
    section.entries().forEach((k, v) -> out.put(k, v instanceof Section s ? toMap(s) : v));
    return out;
  }
}
