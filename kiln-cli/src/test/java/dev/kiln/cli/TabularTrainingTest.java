package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln-tabular's components trained and evaluated through {@code kiln train} and {@code kiln evaluate}. */
class TabularTrainingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static double bestLogged(Path output, String score) throws IOException {
    return Files.readAllLines(output.resolve("training-log.jsonl")).stream()
        .mapToDouble(line -> {
          try {
            return JSON.readTree(line).path("scores").path(score).asDouble(Double.NEGATIVE_INFINITY);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }).max().orElseThrow();
  }

  private JsonNode trainThenEvaluate(String factory, boolean regression, String score) throws IOException {
    Path config = TabularFixture.write(dir, factory, regression);
    Path output = dir.resolve("run");
    KilnRun train = KilnRun.of("train", config.toString(), "--output", output.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    Path saved = output.resolve("model-best/table");
    assertThat(saved.resolve("encoder.json")).exists();
    assertThat(saved.resolve("weights.safetensors")).exists();

    Path metrics = dir.resolve("metrics.json");
    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-best").toString(),
        dir.resolve("dev.csv").toString(), "--output", metrics.toString());
    assertThat(evaluate.exit()).as(evaluate.err()).isZero();
    JsonNode scores = JSON.readTree(Files.readString(metrics));
    // The saved encoder and weights give back the scores the best step was saved with.
    assertThat(scores.get(score).asDouble()).isCloseTo(bestLogged(output, score), within(1e-9));
    return scores;
  }

  @Test
  void theClassifierLearnsFromNumbersAndCategoriesAndReloads() throws IOException {
    JsonNode scores = trainThenEvaluate("kiln.tabular_classifier", false, "acc");
    assertThat(scores.get("acc").asDouble()).isGreaterThan(0.9);
    assertThat(scores.get("macro_f").asDouble()).isGreaterThan(0.85);
    assertThat(scores.path("f_per_type").fieldNames()).toIterable().containsExactlyInAnyOrder("k0", "k1", "k2");
    assertThat(Files.readString(dir.resolve("run/model-best/table/labels.json"))).isEqualTo("[\"k0\",\"k1\",\"k2\"]");
  }

  @Test
  void predictAnnotatesRowsWithoutTheLabelColumnThatEvaluateNeeds() throws IOException {
    trainThenEvaluate("kiln.tabular_classifier", false, "acc");
    List<String> labeled = Files.readAllLines(dir.resolve("dev.csv"));
    Path unlabeled = dir.resolve("new.csv");
    Files.write(unlabeled, labeled.stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList());

    KilnRun predict = KilnRun.of("predict", dir.resolve("run/model-best").toString(), unlabeled.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    List<String> rows = predict.out().lines().toList();
    assertThat(rows).hasSize(labeled.size() - 1);
    long right = 0;
    for (int i = 0; i < rows.size(); i++) {
      String gold = labeled.get(i + 1).substring(labeled.get(i + 1).lastIndexOf(',') + 1);
      JsonNode row = JSON.readTree(rows.get(i));
      right += row.get("label").asText().equals(gold) ? 1 : 0;
      assertScoresKeyedByClass(row, List.of("k0", "k1", "k2"));
    }
    assertThat(right).isGreaterThan(rows.size() * 8L / 10);
    KilnRun evaluate = KilnRun.of("evaluate", dir.resolve("run/model-best").toString(), unlabeled.toString());
    assertThat(evaluate.exit()).isEqualTo(2);
    assertThat(evaluate.err()).contains("[E273]");
  }

  /** The probabilities are keyed by class (as textcat's cats), sum to 1 and peak at the predicted label. */
  static void assertScoresKeyedByClass(JsonNode prediction, List<String> classes) {
    JsonNode scores = prediction.get("scores");
    assertThat(scores.fieldNames()).toIterable().containsExactlyElementsOf(classes);
    double sum = 0;
    String best = null;
    for (String label : classes) {
      sum += scores.get(label).asDouble();
      best = best == null || scores.get(label).asDouble() > scores.get(best).asDouble() ? label : best;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-5));
    assertThat(prediction.get("label").asText()).isEqualTo(best);
  }

  @Test
  void predictAndEvaluateTakeOverridesOfTheDataReaderOnly() throws IOException {
    trainThenEvaluate("kiln.tabular_classifier", false, "acc");
    List<String> rows = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("dev.csv")));
    rows.add(3, "1,2");
    Path ragged = Files.write(dir.resolve("ragged.csv"), rows);
    String model = dir.resolve("run/model-best").toString();
    KilnRun strict = KilnRun.of("predict", model, ragged.toString());
    assertThat(strict.exit()).isEqualTo(2);
    assertThat(strict.err()).startsWith("[E270]").contains("line 4");
    KilnRun lenient = KilnRun.of("predict", model, ragged.toString(), "--corpora.dev.on_bad_row", "ignore");
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.out().lines()).hasSize(rows.size() - 2);
    KilnRun evaluated = KilnRun.of("evaluate", model, ragged.toString(), "--corpora.dev.on_bad_row", "ignore");
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    KilnRun notTheReader = KilnRun.of("evaluate", model, ragged.toString(), "--training.max_steps", "3");
    assertThat(notTheReader.err()).startsWith("[E409] --training.max_steps");
  }

  @Test
  void theRegressorLearnsAStandardisedTargetAndReloads() throws IOException {
    JsonNode scores = trainThenEvaluate("kiln.tabular_regressor", true, "r2");
    assertThat(scores.get("r2").asDouble()).isGreaterThan(0.9);
    assertThat(scores.get("mae").asDouble()).isPositive();
    assertThat(scores.get("rmse").asDouble()).isGreaterThanOrEqualTo(scores.get("mae").asDouble());
    JsonNode target = JSON.readTree(Files.readString(dir.resolve("run/model-best/table/target.json")));
    assertThat(target.get("std").asDouble()).isGreaterThan(1);

    KilnRun predict = KilnRun.of("predict", dir.resolve("run/model-best").toString(), dir.resolve("dev.csv").toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    JsonNode first = JSON.readTree(predict.out().lines().findFirst().orElseThrow());
    assertThat(first.get("label").isNumber()).as(first.toString()).isTrue();
  }

  @Test
  void hashedCategoriesTrainToo() throws IOException {
    Path config = TabularFixture.write(dir, "kiln.tabular_classifier", false);
    Path output = dir.resolve("run");
    KilnRun train = KilnRun.of("train", config.toString(), "--output", output.toString(),
        "--components.table.hash_buckets", "16", "--training.max_steps", "100");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode encoder = JSON.readTree(Files.readString(output.resolve("model-best/table/encoder.json")));
    assertThat(encoder.get("hashBuckets").asInt()).isEqualTo(16);
    assertThat(bestLogged(output, "acc")).isGreaterThan(0.8);
  }

  @Test
  void aMalformedRowUnderTheErrorPolicyStopsWithOneCodedMessage() throws IOException {
    Path config = TabularFixture.write(dir, "kiln.tabular_classifier", false);
    KilnRun train = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--corpora.train.on_bad_row", "error");
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err()).contains("[E270] " + dir.resolve("train.csv") + ": line 8: the numeric column \"weight\" "
        + "holds \"not a number\"").doesNotContain("Exception");
  }

  @Test
  void anUnusedColumnUnderTheErrorPolicyStopsWithOneCodedMessage() throws IOException {
    Path config = TabularFixture.write(dir, "kiln.tabular_regressor", true);
    KilnRun train = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--corpora.train.on_unused_column", "error");
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err()).contains("[E274] " + dir.resolve("train.csv") + ": the columns [id] are not used");
  }
}
