package dev.kiln.tabular;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.train.Corpus;
import dev.kiln.train.ProblemPolicy;
import java.nio.file.Path;
import java.util.List;

/** The registered reader and components of tables. */
public final class TabularRegistry {
  private TabularRegistry() {}

  /**
   * Rows of a CSV file with a header line (RFC 4180 quoting). Empty cells, {@code NA} and
   * {@code ?} are missing values.
   *
   * @param label the label column
   * @param columns the feature columns; every column but the label when empty
   * @param categorical the columns holding categories; the others hold numbers
   * @param onBadRow {@code error}, or {@code warn}/{@code ignore} to skip malformed rows (counted)
   * @param onUnusedColumn what to do when the file has columns that are not used
   * @param limit the most rows a pass reads; 0 for all
   * @param delimiter the field separator, one character
   */
  @Registered(category = "readers", name = "kiln.Csv.v1")
  public static Corpus<TableRow> csv(Path path, @Default("\"label\"") String label, @Default("[]") List<String> columns,
      @Default("[]") List<String> categorical, @Name("on_bad_row") @Default("\"error\"") ProblemPolicy onBadRow,
      @Name("on_unused_column") @Default("\"warn\"") ProblemPolicy onUnusedColumn, @Default("0") int limit,
      @Default("\",\"") String delimiter) {
    return new CsvCorpus(path, new CsvSettings(label, columns, categorical, onBadRow, onUnusedColumn, Corpus.limit(limit),
        CsvSettings.delimiter(delimiter), true));
  }

  /** A classifier of table rows ({@code factory = "kiln.tabular_classifier"} in [components]). */
  @Registered(category = "factories", name = "kiln.tabular_classifier.v1")
  public static TabularClassifier tabularClassifier(String name, Model<Floats, Floats> model,
      @Name("hash_buckets") @Default("0") int hashBuckets) {
    return new TabularClassifier(name, model, hashBuckets);
  }

  /** A regressor of table rows ({@code factory = "kiln.tabular_regressor"} in [components]). */
  @Registered(category = "factories", name = "kiln.tabular_regressor.v1")
  public static TabularRegressor tabularRegressor(String name, Model<Floats, Floats> model,
      @Name("hash_buckets") @Default("0") int hashBuckets) {
    return new TabularRegressor(name, model, hashBuckets);
  }
}
