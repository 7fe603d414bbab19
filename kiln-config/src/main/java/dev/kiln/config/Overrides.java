package dev.kiln.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies overrides such as {@code training.max_epochs = 10} before interpolation.
 *
 * <p>An override may only change a key that exists (Thinc's config, and so spaCy's command line,
 * adds a new key to any existing section, where a misspelt key then goes unused). A string value
 * containing {@code $} is read as config text, as in Thinc: an override may refer to other values
 * with {@code ${...}}, and {@code $$} is a literal {@code $}.
 */
final class Overrides {
  private Overrides() {}

  /**
   * A copy of {@code parsed} with each dotted key set to its value.
   *
   * @param overrides dotted paths ({@code section.key}, {@code a.b.key}, {@code model.*.relu.nO})
   *     to JSON values or {@link Section}s
   * @throws KilnException E024 for a key that does not exist, E025 for a path without a section,
   *     E026 for a section replaced by a value, E028 for a malformed reference
   */
  static ParsedConfig apply(ParsedConfig parsed, Map<String, Object> overrides) {
    Section root = parsed.root().copy();
    Map<List<String>, String> rawTexts = new HashMap<>(parsed.rawTexts());
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      String dotted = e.getKey();
      List<String> path = find(root, dotted);
      Section section = root.section(path.subList(0, path.size() - 1)).orElse(null);
      String key = path.get(path.size() - 1);
      Object value = valueOf(dotted, e.getValue());
      if (section.get(key) instanceof Section existing && !(value instanceof Section)) {
        throw new KilnException(
            ErrorCode.E026, dotted, "[" + dotted + "]", String.join(", ", existing.keys()));
      }
      section.put(key, value instanceof Section && !SectionNames.isValidPart(key) ? PlainJson.of(value) : value);
      rawTexts.keySet().removeIf(p -> p.size() >= path.size() && p.subList(0, path.size()).equals(path));
    }
    return new ParsedConfig(root, rawTexts);
  }

  /** The path of the existing key {@code dotted} names; keys may themselves contain dots. */
  private static List<String> find(Section root, String dotted) {
    List<String> parts = Arrays.asList(dotted.split("\\.", -1));
    if (parts.size() < 2 || parts.stream().anyMatch(String::isEmpty)) {
      throw new KilnException(ErrorCode.E025, dotted, dotted, "");
    }
    for (int i = parts.size() - 1; i >= 1; i--) {
      Section section = root.section(parts.subList(0, i)).orElse(null);
      String key = String.join(".", parts.subList(i, parts.size()));
      if (section != null && section.has(key)) {
        List<String> path = new ArrayList<>(parts.subList(0, i));
        path.add(key);
        return path;
      }
    }
    throw new KilnException(ErrorCode.E024, dotted, hint(root, parts));
  }

  private static String hint(Section root, List<String> parts) {
    Section section = root;
    int depth = 0;
    while (depth < parts.size() - 1 && section.get(parts.get(depth)) instanceof Section child) {
      section = child;
      depth++;
    }
    if (depth == 0) {
      return "; the config has no section [" + parts.get(0) + "], its sections are: "
          + String.join(", ", root.keys());
    }
    String name = String.join(".", parts.subList(0, depth));
    String keys = section.keys().isEmpty() ? "(none)" : String.join(", ", section.keys());
    return "; keys in [" + name + "]: " + keys;
  }

  private static Object valueOf(String dotted, Object value) {
    if (value instanceof String text && text.contains("$")) {
      try {
        return ValueParser.parse(text);
      } catch (JsonReader.BadReference e) {
        throw new KilnException(ErrorCode.E028, dotted, e.reference, e.getMessage());
      }
    }
    return normalized(value);
  }

  /** Java numbers as the config tree holds them: {@code Long} and {@code Double}. */
  private static Object normalized(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Section section) {
      return section.copy();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(normalized(item)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalized(v)));
      return copy;
    }
    if (value == null || value instanceof String || value instanceof Long
        || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("not a JSON value or Section: " + value.getClass());
  }
}
