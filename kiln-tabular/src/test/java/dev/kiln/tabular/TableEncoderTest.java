package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableEncoderTest {
  private static final TableColumns COLUMNS = new TableColumns(Path.of("train.csv"), "y", List.of("a", "b"),
      List.of("colour"));

  @TempDir Path dir;

  private static TableRow row(TableColumns columns, double a, double b, String colour) {
    return new TableRow(columns, 2, new double[] {a, b}, new String[] {colour}, "l", null);
  }

  private static TableEncoder fit(int hashBuckets, TableRow... rows) {
    EncoderFit fit = new EncoderFit("c", hashBuckets);
    for (TableRow row : rows) {
      fit.add(row);
    }
    assertThat(fit.rows()).isEqualTo(rows.length);
    return fit.result();
  }

  private static float[] encode(TableEncoder encoder, TableRow row) {
    float[] out = new float[encoder.width() + 2];
    out[0] = 99f;
    encoder.encode(row, out, 1);
    assertThat(out[0]).isEqualTo(99f);
    float[] features = new float[encoder.width()];
    System.arraycopy(out, 1, features, 0, features.length);
    return features;
  }

  private static final TableRow[] TRAINING = {
    row(COLUMNS, 1, 5, "red"), row(COLUMNS, 3, 5, "blue"), row(COLUMNS, Double.NaN, 5, null),
  };

  @Test
  void numbersAreStandardisedAndCategoriesOneHotWithAMissingSlot() {
    TableEncoder encoder = fit(0, TRAINING);
    EncoderState state = encoder.state();
    // a: mean 2, std 1 over the two present values; b has no spread, so it is centred only.
    assertThat(state.numeric()).containsExactly(new EncoderState.Numeric("a", 2, 1), new EncoderState.Numeric("b", 5, 1));
    assertThat(state.categorical()).containsExactly(new EncoderState.Categorical("colour", List.of("blue", "red")));
    assertThat(encoder.width()).isEqualTo(2 + 3);
    assertThat(encode(encoder, row(COLUMNS, 3, 6, "red"))).containsExactly(1f, 1f, 0f, 0f, 1f);
    assertThat(encode(encoder, row(COLUMNS, Double.NaN, 5, null))).containsExactly(0f, 0f, 1f, 0f, 0f);
    assertThat(encode(encoder, row(COLUMNS, 0, 5, "green"))).containsExactly(-2f, 0f, 0f, 0f, 0f);
  }

  @Test
  void hashedCategoriesSetOneStableBucketPerColumn() {
    TableEncoder encoder = fit(8, TRAINING);
    assertThat(encoder.width()).isEqualTo(2 + 8);
    assertThat(encoder.state().categorical().get(0).values()).isEmpty();
    for (String colour : new String[] {"red", "never seen", null}) {
      float[] features = encode(encoder, row(COLUMNS, 1, 5, colour));
      int bucket = TableEncoder.bucket("colour", colour, 8);
      assertThat(bucket).isBetween(0, 7);
      assertThat(features[2 + bucket]).isEqualTo(1f);
      float sum = 0;
      for (int i = 2; i < features.length; i++) {
        sum += features[i];
      }
      assertThat(sum).isEqualTo(1f);
    }
    assertThat(TableEncoder.bucket("colour", "red", 1 << 20)).isEqualTo(TableEncoder.bucket("colour", "red", 1 << 20));
    assertThat(TableEncoder.bucket("colour", "red", 1 << 20)).isNotEqualTo(TableEncoder.bucket("shade", "red", 1 << 20));
  }

  @Test
  void columnsAreFoundByNameInRowsOfAnotherFile() {
    TableEncoder encoder = fit(0, TRAINING);
    TableColumns reordered = new TableColumns(Path.of("dev.csv"), "y", List.of("b", "extra", "a"), List.of("colour"));
    TableRow row = new TableRow(reordered, 2, new double[] {6, 100, 3}, new String[] {"red"}, null, null);
    assertThat(encode(encoder, row)).containsExactly(1f, 1f, 0f, 0f, 1f);
  }

  @Test
  void rowsWithoutAFittedColumnAreACodedErrorNamingIt() {
    TableEncoder encoder = fit(0, TRAINING);
    TableColumns lacking = new TableColumns(Path.of("dev.csv"), "y", List.of("a", "b"), List.of());
    TableRow row = new TableRow(lacking, 2, new double[] {1, 2}, new String[0], null, null);
    assertThatThrownBy(() -> encode(encoder, row)).hasMessageStartingWith(
        "[E280] component c: the model was fitted on the categorical column \"colour\", but the rows of dev.csv have no such");
  }

  @Test
  void theSavedEncoderLoadsBackAndEncodesTheSame() throws IOException {
    for (int buckets : new int[] {0, 4}) {
      TableEncoder encoder = fit(buckets, TRAINING);
      Path file = dir.resolve("encoder-" + buckets + ".json");
      encoder.save(file);
      TableEncoder loaded = TableEncoder.load("c", file);
      assertThat(loaded.state()).isEqualTo(encoder.state());
      TableRow row = row(COLUMNS, 2.5, 4, "blue");
      assertThat(encode(loaded, row)).containsExactly(encode(encoder, row));
    }
  }

  @Test
  void aDamagedEncoderFileIsACodedError() throws IOException {
    Path file = dir.resolve("encoder.json");
    Files.writeString(file, "{\"numeric\": [");
    assertThatThrownBy(() -> TableEncoder.load("c", file)).hasMessageStartingWith("[E083] " + file + ": the file is not the JSON")
        .hasMessageContaining("(line 1, column ").hasMessageNotContaining("\n").hasMessageNotContaining("Source");
    Files.writeString(file, "{\"numeric\": [], \"categorical\": [], \"hashBuckets\": -1}");
    assertThatThrownBy(() -> TableEncoder.load("c", file)).hasMessageStartingWith("[E283] " + file);
  }
}
