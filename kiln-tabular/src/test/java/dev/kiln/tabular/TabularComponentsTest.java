package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Linear;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.train.ConcurrentCalls;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TabularComponentsTest {
  private static final TableColumns COLUMNS = new TableColumns(Path.of("t.csv"), "y", List.of("x"), List.of("c"));

  @TempDir Path dir;

  private static Model<Floats, Floats> mlp(Model<Floats, Floats> output) {
    return Chain.create(Relu.create(8, 0.0), output);
  }

  /** Rows whose class is "hi" when x plus the category's offset is positive; the target is that sum. */
  private static List<Example<TableRow>> rows(int count, boolean numericLabels) {
    SplittableRandom random = new SplittableRandom(5);
    List<Example<TableRow>> examples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double x = random.nextDouble() * 100 - 50;
      String category = random.nextBoolean() ? "up" : null;
      double sum = x + (category == null ? -20 : 20);
      String label = numericLabels ? Double.toString(sum) : sum > 0 ? "hi" : "lo";
      examples.add(TableRow.example(COLUMNS, i + 2, new double[] {x}, new String[] {category}, label));
    }
    return examples;
  }

  private static List<TableRow> predicted(List<Example<TableRow>> examples) {
    return examples.stream().map(Example::predicted).toList();
  }

  @Test
  void aSavedClassifierLoadsIntoAFreshOneAndPredictsTheSame() throws IOException {
    List<Example<TableRow>> data = rows(200, false);
    TabularClassifier classifier = new TabularClassifier("c", mlp(Softmax.create()), 0);
    classifier.initialize(() -> data, 1);
    Adam adam = new Adam(0.01);
    LossTotals losses = new LossTotals();
    for (int step = 0; step < 60; step++) {
      classifier.update(data.subList((step % 5) * 40, (step % 5) * 40 + 40), 0.0, losses);
      classifier.finishUpdate(adam);
    }
    List<TableRow> before = classifier.annotate(predicted(data));
    for (int i = 0; i < data.size(); i++) {
      data.get(i).setPredicted(before.get(i));
    }
    assertThat((double) classifier.score(data).get("acc")).isGreaterThan(0.9);

    Path folder = Files.createDirectory(dir.resolve("c"));
    classifier.save(folder);
    TabularClassifier loaded = new TabularClassifier("c", mlp(Softmax.create()), 0);
    loaded.load(folder);
    assertThat(loaded.labels()).containsExactly("hi", "lo");
    List<TableRow> after = loaded.annotate(predicted(rows(200, false)));
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
      assertThat(after.get(i).scores().values()).containsExactly(before.get(i).scores().values());
    }
  }

  @Test
  void theRegressorPredictsOnTheOriginalScaleAndSavesItsTargetScale() throws IOException {
    List<Example<TableRow>> data = rows(200, true);
    TabularRegressor regressor = new TabularRegressor("r", mlp(Linear.create(1)), 0);
    regressor.initialize(() -> data, 1);
    Adam adam = new Adam(0.01);
    LossTotals losses = new LossTotals();
    for (int step = 0; step < 200; step++) {
      regressor.update(data.subList((step % 5) * 40, (step % 5) * 40 + 40), 0.0, losses);
      regressor.finishUpdate(adam);
    }
    List<TableRow> before = regressor.annotate(predicted(data));
    for (int i = 0; i < data.size(); i++) {
      data.get(i).setPredicted(before.get(i));
    }
    assertThat((double) regressor.score(data).get("r2")).isGreaterThan(0.95);
    assertThat(regressor.defaultScoreWeights()).containsEntry("r2", 1.0);

    Path folder = Files.createDirectory(dir.resolve("r"));
    regressor.save(folder);
    assertThat(folder.resolve("target.json")).exists();
    TabularRegressor loaded = new TabularRegressor("r", mlp(Linear.create(1)), 0);
    loaded.load(folder);
    TableColumns fitted = loaded.columns();
    assertThat(fitted.numeric()).containsExactly("x");
    assertThat(fitted.categorical()).containsExactly("c");
    TableRow first = data.get(0).reference();
    TableRow inMemory = new TableRow(fitted, 0, first.numbers(), first.categories(), null, null);
    assertThat(loaded.annotate(List.of(inMemory)).get(0).labelValue()).isEqualTo(before.get(0).labelValue());
    List<TableRow> after = loaded.annotate(predicted(data));
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i).labelValue()).isEqualTo(before.get(i).labelValue());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tall | [E281] component r: the label \"tall\" (t.csv line 9) is not a number",
      "1e39 | [E285] component r: the label 1e39 (t.csv line 9) lies beyond float32's range",
  })
  void aRegressorLabelThatIsNotAFloat32IsACodedErrorNamingFileAndLine(String label, String message) {
    List<Example<TableRow>> data = new ArrayList<>(rows(3, true));
    data.add(TableRow.example(COLUMNS, 9, new double[] {1}, new String[] {"up"}, label));
    TabularRegressor regressor = new TabularRegressor("r", mlp(Linear.create(1)), 0);
    assertThatThrownBy(() -> regressor.initialize(() -> data, 1)).hasMessageStartingWith(message);
  }

  @Test
  void scoringRefusesANonNumericLabelInsteadOfLeavingTheRowOut() {
    List<Example<TableRow>> data = new ArrayList<>(rows(20, true));
    TabularRegressor regressor = new TabularRegressor("r", mlp(Linear.create(1)), 0);
    regressor.initialize(() -> data, 1);
    data.add(TableRow.example(COLUMNS, 9, new double[] {1}, new String[] {"up"}, "tall"));
    assertThatThrownBy(() -> regressor.score(data))
        .hasMessageStartingWith("[E281] component r: the label \"tall\" (t.csv line 9) is not a number");
  }

  @Test
  void noTrainingRowsOrANegativeBucketCountAreCodedErrors() {
    TabularClassifier classifier = new TabularClassifier("c", mlp(Softmax.create()), 0);
    assertThatThrownBy(() -> classifier.initialize(List::of, 1)).hasMessageStartingWith("[E282] component c");
    TabularRegressor regressor = new TabularRegressor("r", mlp(Linear.create(1)), 0);
    assertThatThrownBy(() -> regressor.initialize(List::of, 1)).hasMessageStartingWith("[E282] component r");
    assertThatThrownBy(() -> new TabularClassifier("c", mlp(Softmax.create()), -1)).hasMessageStartingWith("[E284] ");
  }

  @Test
  void aClassUnseenAtInitializeIsACodedError() {
    List<Example<TableRow>> data = rows(20, false);
    TabularClassifier classifier = new TabularClassifier("c", mlp(Softmax.create()), 0);
    classifier.initialize(() -> data, 1);
    List<Example<TableRow>> other = List.of(TableRow.example(COLUMNS, 2, new double[] {1}, new String[] {null}, "mid"));
    assertThatThrownBy(() -> classifier.update(other, 0.0, new LossTotals())).hasMessageStartingWith("[E231] ");
  }

  /**
   * A trained table classifier serves several request threads at once: each gets the
   * predictions one thread alone gets. Both tabular components once filled one shared input
   * matrix, so two threads overwrote each other's rows.
   */
  @Test
  void severalThreadsAnnotatingAtOnceGetTheSequentialPredictions() throws Exception {
    List<Example<TableRow>> data = rows(200, false);
    TabularClassifier classifier = new TabularClassifier("c", mlp(Softmax.create()), 0);
    classifier.initialize(() -> data, 1);
    Adam adam = new Adam(0.01);
    for (int step = 0; step < 20; step++) {
      classifier.update(data.subList((step % 5) * 40, (step % 5) * 40 + 40), 0.0, new LossTotals());
      classifier.finishUpdate(adam);
    }
    List<TableRow> rows = predicted(data);
    List<String> expected = new ArrayList<>();
    for (int start = 0; start < rows.size(); start += 40) {
      classifier.annotate(rows.subList(start, start + 40)).forEach(row -> expected.add(row.scores().byClass().toString()));
    }

    int wrong = ConcurrentCalls.mismatches(4, 500, 0, order -> {
      int start = order.nextInt(5) * 40;
      List<TableRow> annotated = classifier.annotate(rows.subList(start, start + 40));
      int differing = 0;
      for (int i = 0; i < 40; i++) {
        differing += annotated.get(i).scores().byClass().toString().equals(expected.get(start + i)) ? 0 : 1;
      }
      return differing;
    });

    assertThat(wrong).as("predictions that differ from one thread's").isZero();
  }

  @Test
  void givenLabelsEqualToTheDatasMakeTheSameClassifierAndAnotherLabelIsRefusedNamingItsRow() {
    List<Example<TableRow>> data = rows(50, false);
    TabularClassifier fromData = new TabularClassifier("c", mlp(Softmax.create()), 0);
    fromData.initialize(() -> data, 1);
    TabularClassifier given = new TabularClassifier("c", mlp(Softmax.create()), 0);
    given.initialize(() -> data, 1, LabelSource.given(List.of("lo", "hi"), "labels/c.json"));

    assertThat(given.labels()).isEqualTo(fromData.labels()).containsExactly("hi", "lo");
    fromData.model().paramsByKey().forEach((key, value) ->
        assertThat(given.model().paramsByKey().get(key).data()).as(key).containsExactly(value.data()));
    assertThat(given.labelsIn(data)).containsExactly("hi", "lo");
    int firstHi = 1 + data.indexOf(data.stream().filter(example -> example.reference().label().equals("hi"))
        .findFirst().orElseThrow());
    assertThatThrownBy(() -> new TabularClassifier("c", mlp(Softmax.create()), 0)
        .initialize(() -> data, 1, LabelSource.given(List.of("lo"), "labels/c.json")))
        .hasMessageStartingWith("[E261] component c: record " + firstHi + " of the training corpus has the label \"hi\","
            + " which the labels given to it (labels/c.json) lack");
  }
}
