package dev.kiln.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One section of a config: an ordered map from keys to values, where a value is either a nested
 * {@code Section} or a JSON value.
 *
 * <p>JSON values are {@code String}, {@code Long} (integers), {@code Double} (other numbers),
 * {@code Boolean}, {@code null}, {@code List<Object>} (JSON arrays) and {@code Map<String,Object>}
 * (JSON objects written inline as a value; a {@code [section]} is always a {@code Section}).
 *
 * <p>A section with one key starting with {@code @} is a <em>promise</em>: a call of the function
 * registered under that category and name, with the other keys as keyword arguments. A child
 * section named {@code *} holds positional arguments, in order.
 *
 * <p>Every key remembers the line it was written on, so errors can name it.
 */
public final class Section {
  /** The key of the child section that holds positional arguments ({@code [x.*.name]}). */
  public static final String POSITIONAL = "*";

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Integer> lines = new LinkedHashMap<>();
  private final int line;

  /** An empty section whose header is on the given 1-based line (0 when unknown). */
  public Section(int line) {
    this.line = line;
  }

  public Section() {
    this(0);
  }

  /** The 1-based line of this section's header, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based line where {@code key} was set, 0 when unknown. */
  public int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value of {@code key}, which may be {@code null} (JSON null); see {@link #has}. */
  public Object get(String key) {
    return values.get(key);
  }

  /** The child section {@code key}, if the key holds a section. */
  public Optional<Section> section(String key) {
    return values.get(key) instanceof Section s ? Optional.of(s) : Optional.empty();
  }

  /** The section at {@code path} ({@code ["corpora", "dev"]}), walking only through sections. */
  public Optional<Section> section(List<String> path) {
    Section node = this;
    for (String part : path) {
      if (!(node.get(part) instanceof Section child)) {
        return Optional.empty();
      }
      node = child;
    }
    return Optional.of(node);
  }

  /** Sets {@code key}, keeping its place if it already exists. */
  public void put(String key, Object value, int line) {
    values.put(key, value);
    lines.put(key, line);
  }

  public void put(String key, Object value) {
    put(key, value, lineOf(key));
  }

  public void remove(String key) {
    values.remove(key);
    lines.remove(key);
  }

  /** Keys in the order they were written. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Entries in the order they were written. */
  public Map<String, Object> entries() {
    return Collections.unmodifiableMap(values);
  }

  /** The {@code @category} key if this section is a promise. */
  public Optional<String> promiseCategory() {
    for (String key : values.keySet()) {
      if (key.startsWith("@")) {
        return Optional.of(key.substring(1));
      }
    }
    return Optional.empty();
  }

  public boolean isPromise() {
    return promiseCategory().isPresent();
  }

  /** The keys that start with {@code @}; more than one is an error. */
  public List<String> promiseKeys() {
    List<String> keys = new ArrayList<>();
    for (String key : values.keySet()) {
      if (key.startsWith("@")) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** A deep copy: nested sections, lists and maps are copied, scalars shared. */
  public Section copy() {
    Section copy = new Section(line);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      copy.put(e.getKey(), copyValue(e.getValue()), lineOf(e.getKey()));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  /** A deep copy of a config value: sections, lists and maps are copied, scalars shared. */
  public static Object copyValue(Object value) {
    if (value instanceof Section s) {
      return s.copy();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(copyValue(item));
      }
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        copy.put(e.getKey(), copyValue(e.getValue()));
      }
      return copy;
    }
    return value;
  }

  /** Structural equality of keys and values (lines are ignored). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Section s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
