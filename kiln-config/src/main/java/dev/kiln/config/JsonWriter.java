package dev.kiln.config;

import java.util.List;
import java.util.Map;

/** Writes config values as JSON text, on one line or indented. */
final class JsonWriter {
  private JsonWriter() {}

  /**
   * One-line JSON ({@code [1, 2]}, {@code {"a": 1}}) for a value in config text; {@code $} in
   * strings is doubled so that it reads back as a {@code $}, not as a reference.
   */
  static String inline(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, true);
    return out.toString();
  }

  /** Indented JSON, two spaces a level; sections are objects and templates their text. */
  static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, false);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth, boolean config) {
    if (value instanceof Section section) {
      writeObject(out, section.entries(), depth, config);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(out, map, depth, config);
    } else if (value instanceof List<?> list) {
      writeArray(out, list, depth, config);
    } else if (value instanceof String || value instanceof Template) {
      quote(out, value.toString(), config);
    } else if (value instanceof Double d && d.isInfinite()) {
      out.append(d > 0 ? "1e999" : "-1e999"); // JSON has no infinity; this overflows to one
    } else if (value instanceof Double d && d.isNaN()) {
      quote(out, d.toString(), config); // JSON has no NaN; never read from a config
    } else if (value instanceof Double d) {
      out.append(ValueText.pythonFloat(d)); // as Thinc writes floats: 1e-08, not 1.0E-8
    } else {
      out.append(value);
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int depth, boolean config) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      newline(out, depth + 1, config);
      quote(out, String.valueOf(e.getKey()), config);
      out.append(": ");
      write(out, e.getValue(), depth + 1, config);
    }
    newline(out, depth, config);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, List<?> list, int depth, boolean config) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object item : list) {
      out.append(first ? "" : ",");
      first = false;
      newline(out, depth + 1, config);
      write(out, item, depth + 1, config);
    }
    newline(out, depth, config);
    out.append(']');
  }

  /** A line break and indentation, or for one-line output a space between items. */
  private static void newline(StringBuilder out, int depth, boolean oneLine) {
    if (oneLine) {
      char last = out.charAt(out.length() - 1);
      if (last == ',') {
        out.append(' ');
      }
      return;
    }
    out.append('\n').append("  ".repeat(depth));
  }

  private static void quote(StringBuilder out, String s, boolean doubleDollars) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$' -> out.append(doubleDollars ? "$$" : "$");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
