package dev.kiln.config;

/**
 * A config value that contains {@code ${...}} references; it exists only until
 * {@link Config#interpolate()} replaces it by a plain value.
 *
 * @param raw the value as written (continuation lines joined by {@code \n}), written back as is
 * @param part its structure
 */
public record Template(String raw, TemplatePart part) {
  @Override
  public String toString() {
    return raw;
  }
}
