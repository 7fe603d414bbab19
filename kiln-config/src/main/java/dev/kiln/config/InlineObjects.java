package dev.kiln.config;

import java.util.Map;

/** JSON objects written inline as values, seen as sections so promises in them resolve too. */
final class InlineObjects {
  private InlineObjects() {}

  /** {@code map} as a section whose keys all sit on {@code line}. */
  static Section toSection(Map<?, ?> map, int line) {
    Section section = new Section(line);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      section.put(String.valueOf(e.getKey()), e.getValue(), line);
    }
    return section;
  }
}
