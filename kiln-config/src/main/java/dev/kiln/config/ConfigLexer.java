package dev.kiln.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits config text into headers and assignments the way Thinc's reader (Python's
 * {@code configparser}) does: {@code #} and {@code ;} start comment lines, {@code =} or {@code :}
 * separates a key from its value, and a line indented deeper than its key continues the value.
 */
final class ConfigLexer {
  private final String source;
  private final List<ConfigLine> out = new ArrayList<>();
  private boolean inSection;
  private int keyLine;
  private String key;
  private List<String> valueLines;
  private int keyIndent;

  private ConfigLexer(String source) {
    this.source = source;
  }

  /**
   * The headers and assignments of {@code text}, in order.
   *
   * @throws KilnException E001, E002 or E005 for a line that is neither
   */
  static List<ConfigLine> lines(String text, String source) {
    ConfigLexer lexer = new ConfigLexer(source);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lexer.line(i + 1, lines[i]);
    }
    lexer.endAssignment();
    return lexer.out;
  }

  private void line(int number, String line) {
    String stripped = line.strip();
    if (stripped.startsWith("#") || stripped.startsWith(";")) {
      return; // comments neither end nor extend a value, as in configparser
    }
    if (stripped.isEmpty()) {
      if (key != null) {
        valueLines.add("");
      }
      return;
    }
    int indent = indentOf(line);
    if (key != null && indent > keyIndent) {
      valueLines.add(stripped);
      return;
    }
    endAssignment();
    keyIndent = indent;
    if (stripped.startsWith("[")) {
      header(number, stripped);
    } else if (!inSection) {
      throw new KilnException(ErrorCode.E001, source, number);
    } else {
      assignment(number, stripped);
    }
  }

  private void header(int number, String stripped) {
    int close = stripped.indexOf(']');
    if (close < 0) {
      String name = stripped.substring(1).strip().split("[\\s=:\"#;]", 2)[0];
      throw new KilnException(ErrorCode.E002, source, number, stripped, name);
    }
    String rest = stripped.substring(close + 1).strip();
    if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
      throw new KilnException(
          ErrorCode.E007, source, number, stripped.substring(1, close),
          "text follows the closing ] (\"" + rest + "\"); put it on a line of its own");
    }
    out.add(new ConfigLine.Header(number, stripped.substring(1, close)));
    inSection = true;
  }

  private void assignment(int number, String stripped) {
    int delimiter = firstDelimiter(stripped);
    String name = delimiter < 0 ? "" : stripped.substring(0, delimiter).strip();
    if (name.isEmpty()) {
      throw new KilnException(ErrorCode.E005, source, number, stripped);
    }
    key = name;
    keyLine = number;
    valueLines = new ArrayList<>();
    valueLines.add(stripped.substring(delimiter + 1).strip());
  }

  private void endAssignment() {
    if (key == null) {
      return;
    }
    // configparser joins continuation lines with \n and drops trailing blank lines.
    String raw = String.join("\n", valueLines).stripTrailing();
    out.add(new ConfigLine.Assignment(keyLine, key, raw));
    key = null;
    valueLines = null;
  }

  private static int firstDelimiter(String text) {
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
