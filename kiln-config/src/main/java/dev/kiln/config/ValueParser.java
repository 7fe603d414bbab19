package dev.kiln.config;

import java.util.List;
import java.util.Optional;

/**
 * Reads the text of one config value: JSON if it parses, else a string; a {@link Template} when
 * it contains references.
 */
final class ValueParser {
  private ValueParser() {}

  /**
   * The value of {@code raw}, as written after {@code =} (continuation lines joined by {@code \n}).
   *
   * @throws JsonReader.BadReference for a malformed {@code ${...}}
   */
  static Object parse(String raw) {
    Optional<TemplatePart> json = JsonReader.read(raw, true);
    if (json.isPresent()) {
      TemplatePart part = json.get();
      if (part instanceof TemplatePart.Literal literal) {
        return literal.value();
      }
      // Thinc unquotes a string before interpolating it, so "${a.b}" keeps the type of a.b.
      if (part instanceof TemplatePart.Text text
          && text.pieces().size() == 1
          && text.pieces().get(0) instanceof Reference reference) {
        return new Template(raw, new TemplatePart.Ref(reference));
      }
      return new Template(raw, part);
    }
    List<Object> pieces = ReferenceScanner.pieces(raw);
    if (pieces.size() == 1 && pieces.get(0) instanceof String text) {
      return text;
    }
    return new Template(raw, new TemplatePart.Text(pieces, false));
  }

  /** A JSON value if {@code text} is one, else {@code text} itself; references are not read. */
  static Object parsePlain(String text) {
    Optional<TemplatePart> json = JsonReader.read(text, false);
    return json.isPresent() ? ((TemplatePart.Literal) json.get()).value() : text;
  }
}
