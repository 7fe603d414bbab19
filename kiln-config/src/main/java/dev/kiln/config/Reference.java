package dev.kiln.config;

import java.util.List;

/**
 * A {@code ${section.key}} reference as written in a config value.
 *
 * @param text the text between the braces, e.g. {@code training.seed} or {@code training:seed}
 */
public record Reference(String text) {
  /** The dotted parts; Thinc accepts {@code :} as well as {@code .} between them. */
  public List<String> parts() {
    return List.of(text.replace(':', '.').split("\\.", -1));
  }

  @Override
  public String toString() {
    return "${" + text + "}";
  }
}
