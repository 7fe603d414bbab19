package dev.kiln.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects what an encoder needs from the training rows, one row at a time: each numeric
 * column's mean and standard deviation (Welford's running sums, missing values left out) and each
 * categorical column's values. The columns are those of the first row.
 */
final class EncoderFit {
  private final String owner;
  private final int hashBuckets;
  private List<String> numericNames;
  private List<String> categoricalNames;
  private long[] counts;
  private double[] means;
  private double[] squares;
  private List<TreeSet<String>> vocabularies;
  private final ColumnLookup lookup;
  private long rows;

  EncoderFit(String owner, int hashBuckets) {
    this.owner = owner;
    this.hashBuckets = hashBuckets;
    this.lookup = new ColumnLookup(owner);
  }

  /** How many rows were added. */
  long rows() {
    return rows;
  }

  void add(TableRow row) {
    if (numericNames == null) {
      start(row.columns());
    }
    ColumnLookup.Indices at = lookup.indices(row.columns(), numericNames, categoricalNames);
    for (int i = 0; i < counts.length; i++) {
      double value = row.numbers()[at.numeric()[i]];
      if (!Double.isNaN(value)) {
        counts[i]++;
        double delta = value - means[i];
        means[i] += delta / counts[i];
        squares[i] += delta * (value - means[i]);
      }
    }
    for (int i = 0; i < vocabularies.size(); i++) {
      String value = row.categories()[at.categorical()[i]];
      if (value != null && hashBuckets == 0) {
        vocabularies.get(i).add(value);
      }
    }
    rows++;
  }

  /** The fitted encoder; a column without values or without spread is centred but not scaled. */
  TableEncoder result() {
    List<EncoderState.Numeric> numeric = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      double std = counts[i] == 0 ? 0 : Math.sqrt(squares[i] / counts[i]);
      numeric.add(new EncoderState.Numeric(numericNames.get(i), means[i], std > 0 ? std : 1));
    }
    List<EncoderState.Categorical> categorical = new ArrayList<>();
    for (int i = 0; i < vocabularies.size(); i++) {
      categorical.add(new EncoderState.Categorical(categoricalNames.get(i), List.copyOf(vocabularies.get(i))));
    }
    return new TableEncoder(owner, new EncoderState(numeric, categorical, hashBuckets));
  }

  private void start(TableColumns columns) {
    numericNames = columns.numeric();
    categoricalNames = columns.categorical();
    counts = new long[numericNames.size()];
    means = new double[numericNames.size()];
    squares = new double[numericNames.size()];
    vocabularies = new ArrayList<>();
    for (int i = 0; i < categoricalNames.size(); i++) {
      vocabularies.add(new TreeSet<>());
    }
  }
}
