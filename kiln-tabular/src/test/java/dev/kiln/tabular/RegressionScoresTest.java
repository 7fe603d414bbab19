package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionScoresTest {
  private static final TableColumns COLUMNS = new TableColumns(Path.of("t.csv"), "y", List.of(), List.of());

  private static List<Example<TableRow>> examples(double[] gold, double[] guess) {
    List<Example<TableRow>> examples = new ArrayList<>();
    for (int i = 0; i < gold.length; i++) {
      Example<TableRow> example = TableRow.example(COLUMNS, i + 2, new double[0], new String[0], Double.toString(gold[i]));
      example.setPredicted(example.predicted().withValue(guess[i]));
      examples.add(example);
    }
    return examples;
  }

  @Test
  void maeRmseAndR2MatchTheirDefinitions() {
    Map<String, Object> scores = RegressionScores.of(examples(new double[] {1, 2, 3, 4}, new double[] {1, 3, 3, 2}));
    assertThat((double) scores.get("mae")).isCloseTo(0.75, within(1e-12));
    assertThat((double) scores.get("rmse")).isCloseTo(Math.sqrt(5 / 4.0), within(1e-12));
    // Total sum of squares around the mean 2.5 is 5; residual sum of squares is 5.
    assertThat((double) scores.get("r2")).isCloseTo(0.0, within(1e-12));
    Map<String, Object> perfect = RegressionScores.of(examples(new double[] {1, 2}, new double[] {1, 2}));
    assertThat(perfect).containsEntry("r2", 1.0).containsEntry("mae", 0.0);
  }
}
