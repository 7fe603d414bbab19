package dev.kiln.config;

/**
 * The whole config tree as indented JSON, as Thinc's {@code Config} dict would be dumped:
 * promises stay objects such as {@code {"@schedules": "compounding.v1", ...}} and {@code *}
 * sections are objects keyed by argument name, in order.
 */
final class JsonView {
  private JsonView() {}

  static String write(Section root) {
    return JsonWriter.pretty(root);
  }
}
