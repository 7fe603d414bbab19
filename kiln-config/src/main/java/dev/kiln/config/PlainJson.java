package dev.kiln.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a section into the JSON object it reads as, for places that hold only JSON values. */
final class PlainJson {
  private PlainJson() {}

  /** {@code value} with any section (and its subsections) made a {@code Map}. */
  static Object of(Object value) {
    if (value instanceof Section section) {
      Map<String, Object> map = new LinkedHashMap<>();
      section.entries().forEach((k, v) -> map.put(k, of(v)));
      return map;
    }
    return value;
  }
}
