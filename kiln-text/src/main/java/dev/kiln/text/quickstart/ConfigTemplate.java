package dev.kiln.text.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config fragment kept as a readable resource next to this class, with {@code {{name}}}
 * placeholders: templates are text, so a component's sections can be written before its
 * functions are registered.
 */
final class ConfigTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private ConfigTemplate() {}

  /**
   * The resource's text with every placeholder replaced.
   *
   * @throws IllegalStateException if the resource is missing or names a variable not given
   */
  static String render(String resource, Map<String, String> variables) {
    String text = read(resource);
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = variables.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + " uses {{" + matcher.group(1) + "}}, which is not given");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String read(String resource) {
    try (InputStream in = ConfigTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the config template " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
