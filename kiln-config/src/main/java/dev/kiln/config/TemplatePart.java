package dev.kiln.config;

import java.util.List;
import java.util.Map;

/**
 * The structure of a config value that contains references, kept until interpolation.
 *
 * <p>A value that parses as JSON keeps its JSON shape, with references where values or pieces of
 * strings stand; a value that is not JSON is {@link Text}, whose references are substituted as
 * text.
 */
public sealed interface TemplatePart {
  /** A JSON value without references. */
  record Literal(Object value) implements TemplatePart {}

  /** A reference standing as a whole value: the referenced value keeps its type. */
  record Ref(Reference reference) implements TemplatePart {}

  /** A JSON array some of whose items hold references. */
  record ListOf(List<TemplatePart> items) implements TemplatePart {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /** A JSON object some of whose values hold references. */
  record MapOf(Map<String, TemplatePart> entries) implements TemplatePart {
    public MapOf {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }
  }

  /**
   * Text with references substituted as text.
   *
   * @param pieces {@code String} and {@link Reference} pieces, in order
   * @param quoted true inside a JSON string literal (the result is a string); false for a value
   *     that is not JSON, whose result is read as JSON once substituted, as Thinc does
   */
  record Text(List<Object> pieces, boolean quoted) implements TemplatePart {
    public Text {
      pieces = List.copyOf(pieces);
    }
  }
}
