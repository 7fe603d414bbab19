package dev.kiln.config;

import java.util.List;

/**
 * The resolved arguments a config gives one call: keyword values (with their lines) and the
 * values of the positional {@code *} section in order, each with its location.
 */
record Arguments(ResolvedMap keywords, List<Object> positional, List<Location> positionalAt) {
  Arguments {
    positional = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(positional));
    positionalAt = List.copyOf(positionalAt);
  }

  /** Keyword arguments only, as a section or JSON object bound to a record gives them. */
  static Arguments keywordsOnly(ResolvedMap keywords) {
    return new Arguments(keywords, List.of(), List.of());
  }
}
