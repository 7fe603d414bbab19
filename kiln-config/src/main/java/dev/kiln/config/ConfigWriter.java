package dev.kiln.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a config tree back as config text that parses to an equal tree: sections in tree order,
 * each section's values before its subsections, values as one-line JSON and templates as written.
 */
final class ConfigWriter {
  private final StringBuilder out = new StringBuilder();

  private ConfigWriter() {}

  static String write(Section root) {
    ConfigWriter writer = new ConfigWriter();
    for (Map.Entry<String, Object> e : root.entries().entrySet()) {
      if (!(e.getValue() instanceof Section section)) {
        throw new IllegalStateException("a value outside any section: " + e.getKey());
      }
      writer.section(List.of(e.getKey()), section);
    }
    return writer.out.toString();
  }

  private void section(List<String> path, Section section) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append('[').append(String.join(".", path)).append("]\n");
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      if (!isSubsection(e.getKey(), e.getValue())) {
        out.append(e.getKey()).append(" = ").append(valueText(e.getValue())).append('\n');
      }
    }
    for (Map.Entry<String, Object> e : section.entries().entrySet()) {
      if (isSubsection(e.getKey(), e.getValue())) {
        Section child = (Section) e.getValue();
        List<String> childPath = new ArrayList<>(path);
        childPath.add(e.getKey());
        section(childPath, child);
      }
    }
  }

  /** Sections are written as [a.b] headers, unless their key could not be read back as one. */
  private static boolean isSubsection(String key, Object value) {
    return value instanceof Section && SectionNames.isValidPart(key);
  }

  private static String valueText(Object value) {
    if (value instanceof Template template) {
      // Continuation lines must be indented deeper than their key to read back as one value.
      return template.raw().replace("\n", "\n    ");
    }
    return JsonWriter.inline(value);
  }
}
