package dev.kiln.config;

import java.util.Map;

/**
 * Copies the defaults that {@link Filler} wrote into an interpolated tree back into the tree as
 * written, so a filled config keeps its <code>${...}</code> references: keys missing from the
 * written tree are appended with their filled values; keys it has are left exactly as written.
 */
final class DefaultsMerge {
  private DefaultsMerge() {}

  /** {@code written} (a copy) with every key of {@code filled} that it lacks. */
  static Section merge(Section written, Section filled) {
    Section merged = written.copy();
    mergeInto(merged, filled);
    return merged;
  }

  private static void mergeInto(Section written, Section filled) {
    for (Map.Entry<String, Object> entry : filled.entries().entrySet()) {
      String key = entry.getKey();
      if (!written.has(key)) {
        written.put(key, Section.copyValue(entry.getValue()), 0);
      } else if (written.get(key) instanceof Section writtenChild && entry.getValue() instanceof Section filledChild) {
        mergeInto(writtenChild, filledChild);
      }
      // A written reference to a whole section (key = ${other}) is kept as the reference: the
      // section it names is filled where it is written.
    }
  }
}
