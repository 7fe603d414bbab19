package dev.kiln.text.debug;

import java.util.Map;
import java.util.TreeSet;

/** The label distribution of a component, training against evaluation counts, one row per label. */
final class LabelTable {
  private LabelTable() {}

  /**
   * Writes the number of labels and the table.
   *
   * @param what the kind of label, singular and plural, e.g. {@code category} and {@code categories}
   */
  static void write(ReportText report, String what, String whats, Map<String, Integer> train, Map<String, Integer> dev) {
    TreeSet<String> labels = new TreeSet<>(train.keySet());
    labels.addAll(dev.keySet());
    report.info(labels.size() + " " + (labels.size() == 1 ? what : whats));
    int width = Math.max(what.length(), labels.stream().mapToInt(String::length).max().orElse(0));
    report.line(String.format("  %-" + width + "s %7s %7s", capitalised(what), "train", "dev"));
    for (String label : labels) {
      report.line(String.format("  %-" + width + "s %7d %7d", label, train.getOrDefault(label, 0), dev.getOrDefault(label, 0)));
    }
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
