package dev.kiln.tabular;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the values a reader needs sit in a file's records, found from its header line: the field
 * index of the label (-1 when data to annotate has no label column) and of each numeric and
 * categorical column, and the columns left unused.
 */
record CsvLayout(TableColumns columns, int width, int label, int[] numeric, int[] categorical, List<String> unused) {
  /**
   * Matches the header against the settings.
   *
   * @throws KilnException E272 for a column named twice, E277 for a column without a name, E273
   *     for a column the settings name that the header lacks, E278 for a header of the label alone
   */
  static CsvLayout of(Path file, CsvRecord header, CsvSettings settings) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (String field : header.fields()) {
      String name = field.strip();
      if (name.isEmpty()) {
        throw new KilnException(ErrorCode.E277, file, header.line(), names.size() + 1);
      }
      if (index.putIfAbsent(name, names.size()) != null) {
        throw new KilnException(ErrorCode.E272, file, header.line(), name);
      }
      names.add(name);
    }
    if (settings.labelRequired()) {
      require(file, index, names, "label", List.of(settings.label()));
    }
    require(file, index, names, "columns", settings.columns());
    require(file, index, names, "categorical", settings.categorical());
    Set<String> used = new LinkedHashSet<>();
    if (settings.columns().isEmpty()) {
      names.stream().filter(name -> !name.equals(settings.label())).forEach(used::add);
    } else {
      used.addAll(settings.columns());
      used.addAll(settings.categorical());
    }
    if (used.isEmpty()) {
      // A model of no features trained to exit 0, predicting the class priors.
      throw new KilnException(ErrorCode.E278, file, settings.label());
    }
    List<String> numericNames = new ArrayList<>();
    List<String> categoricalNames = new ArrayList<>();
    for (String name : used) {
      (settings.categorical().contains(name) ? categoricalNames : numericNames).add(name);
    }
    List<String> unused = names.stream().filter(n -> !n.equals(settings.label()) && !used.contains(n)).toList();
    return new CsvLayout(new TableColumns(file, settings.label(), numericNames, categoricalNames), names.size(),
        index.getOrDefault(settings.label(), -1), indices(index, numericNames), indices(index, categoricalNames),
        unused);
  }

  private static void require(Path file, Map<String, Integer> index, List<String> names, String option,
      List<String> wanted) {
    for (String name : wanted) {
      if (!index.containsKey(name)) {
        throw new KilnException(ErrorCode.E273, file, option, name, shortList(names) + delimiterHint(names));
      }
    }
  }

  /**
   * A hint when the header, read as one column, holds another separator: the file is likely
   * separated by semicolons or tabs.
   */
  private static String delimiterHint(List<String> names) {
    if (names.size() != 1) {
      return "";
    }
    String only = names.get(0);
    String separator = only.contains(";") ? ";" : only.contains("\t") ? "\\t" : null;
    return separator == null ? "" : " (one column: is the file separated by \"" + separator + "\"? Set delimiter = \""
        + separator + "\" in the reader)";
  }

  /**
   * The header's names for a message, shortened: a file that is not a table (a JSONL file given
   * by mistake) has a "header" of a whole line of text.
   */
  private static String shortList(List<String> names) {
    int shown = 12;
    List<String> cut = names.stream().limit(shown).map(n -> n.length() > 40 ? n.substring(0, 37) + "..." : n).toList();
    return cut + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
  }

  private static int[] indices(Map<String, Integer> index, List<String> names) {
    return names.stream().mapToInt(index::get).toArray();
  }
}
