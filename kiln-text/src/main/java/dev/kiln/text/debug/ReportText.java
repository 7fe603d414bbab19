package dev.kiln.text.debug;

import java.util.List;

/**
 * The text of a check report in spaCy's style: section dividers, and lines marked
 * {@code ✔} (a check passed), {@code ⚠} (a warning), {@code ✘} (an error) or {@code ℹ}
 * (information), counted for the summary.
 */
final class ReportText {
  private static final int WIDTH = 78;

  private final StringBuilder text = new StringBuilder();
  private final boolean verbose;
  private int passed;
  private int warnings;
  private int errors;

  ReportText(boolean verbose) {
    this.verbose = verbose;
  }

  void divider(String title) {
    if (!text.isEmpty()) {
      text.append('\n');
    }
    int left = (WIDTH - title.length() - 2) / 2;
    int right = WIDTH - title.length() - 2 - left;
    line("=".repeat(left) + " " + title + " " + "=".repeat(right));
  }

  void line(String line) {
    text.append(line).append('\n');
  }

  void info(String message) {
    line("ℹ " + message);
  }

  void good(String message) {
    passed++;
    line("✔ " + message);
  }

  /** A warning, with the findings listed under it when verbose. */
  void warn(String message, List<Finding> findings) {
    warnings++;
    line("⚠ " + message);
    details(findings);
  }

  /** An error, with the findings listed under it when verbose. */
  void fail(String message, List<Finding> findings) {
    errors++;
    line("✘ " + message);
    details(findings);
  }

  private void details(List<Finding> findings) {
    if (verbose) {
      findings.forEach(finding -> line("  " + finding));
    }
  }

  int errors() {
    return errors;
  }

  int warnings() {
    return warnings;
  }

  int passed() {
    return passed;
  }

  boolean verbose() {
    return verbose;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
