package dev.kiln.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.JsonFiles;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns table rows into float features for a model: numeric columns standardised (a missing
 * value becomes 0, the mean), then each categorical column one-hot (a slot for "missing", one
 * per value seen in training; an unseen value sets none) or hashed into a fixed number of
 * buckets.
 */
final class TableEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final EncoderState state;
  private final List<String> numericNames;
  private final List<String> categoricalNames;
  private final List<Map<String, Integer>> slots = new ArrayList<>();
  private final ColumnLookup lookup;
  private final int width;

  TableEncoder(String owner, EncoderState state) {
    this.state = state;
    this.lookup = new ColumnLookup(owner);
    numericNames = state.numeric().stream().map(EncoderState.Numeric::name).toList();
    categoricalNames = state.categorical().stream().map(EncoderState.Categorical::name).toList();
    int total = numericNames.size();
    for (EncoderState.Categorical column : state.categorical()) {
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < column.values().size(); i++) {
        ids.put(column.values().get(i), i + 1);
      }
      slots.add(ids);
      total += state.categoricalWidth(column);
    }
    width = total;
  }

  EncoderState state() {
    return state;
  }

  /** How many floats a row becomes. */

  /** The feature columns it was fitted on, for rows made in memory (they need no label). */
  TableColumns columns() {
    return new TableColumns(Path.of("(in memory)"), null, numericNames, categoricalNames);
  }
  int width() {
    return width;
  }

  /** Writes the features of {@code row} into {@code out} from {@code offset}, overwriting {@link #width} floats. */
  void encode(TableRow row, float[] out, int offset) {
    ColumnLookup.Indices at = lookup.indices(row.columns(), numericNames, categoricalNames);
    int position = offset;
    for (int i = 0; i < numericNames.size(); i++) {
      EncoderState.Numeric column = state.numeric().get(i);
      double value = row.numbers()[at.numeric()[i]];
      out[position++] = Double.isNaN(value) ? 0f : (float) ((value - column.mean()) / column.std());
    }
    for (int i = 0; i < categoricalNames.size(); i++) {
      int columnWidth = state.categoricalWidth(state.categorical().get(i));
      Arrays.fill(out, position, position + columnWidth, 0f);
      String value = row.categories()[at.categorical()[i]];
      int slot = state.hashBuckets() > 0
          ? bucket(categoricalNames.get(i), value, state.hashBuckets())
          : value == null ? 0 : slots.get(i).getOrDefault(value, -1);
      if (slot >= 0) {
        out[position + slot] = 1f;
      }
      position += columnWidth;
    }
  }

  /** Writes the fitted state to {@code file} as JSON. */
  void save(Path file) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), state);
  }

  /**
   * Reads what {@link #save} wrote.
   *
   * @throws KilnException E083 when the file is not a saved encoder's JSON, E283 when its values
   *     are not
   */
  static TableEncoder load(String owner, Path file) {
    EncoderState state = JsonFiles.read(file, EncoderState.class);
    if (state.hashBuckets() < 0) {
      throw new KilnException(ErrorCode.E283, file, "hashBuckets is negative");
    }
    return new TableEncoder(owner, state);
  }

  /**
   * The bucket of a category: a 64-bit FNV-1a hash of the column name and the value, so the
   * same value in two columns lands apart, and the result never depends on the JVM.
   */
  static int bucket(String column, String value, int buckets) {
    long hash = FNV_OFFSET;
    String key = column + '\u001f' + (value == null ? "\u0000" : value);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= FNV_PRIME;
    }
    return (int) Math.floorMod(hash, (long) buckets);
  }
}
