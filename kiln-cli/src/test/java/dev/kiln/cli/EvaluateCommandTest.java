package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  @Test
  void trainThenEvaluateGivesTheScoresOfTheSavedModel() throws Exception {
    Path config = TrainingFixture.write(dir, 10, 30);
    Path output = dir.resolve("run");
    KilnRun train = KilnRun.of("train", config.toString(), "--output", output.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("LOSS CLASSIFIER", "Stopped: max_steps: step 30");

    Path metrics = dir.resolve("metrics.json");
    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-best").toString(), dir.resolve("dev.jsonl").toString(),
        "--output", metrics.toString());
    assertThat(evaluate.exit()).as(evaluate.err()).isZero();
    JsonNode scores = new ObjectMapper().readTree(Files.readString(metrics));
    assertThat(scores.get("acc").asDouble()).isGreaterThan(0.8);
    assertThat(scores.has("f_per_type")).isTrue();
  }

  /** Trains the fixture's 12-feature classifier for 10 steps, then evaluates it on {@code data}, which it refuses. */
  private KilnRun refusedEvaluation(String file, String data) throws Exception {
    Path config = TrainingFixture.write(dir, 10, 10);
    Path output = dir.resolve("run");
    assertThat(KilnRun.of("train", config.toString(), "--output", output.toString()).exit()).isZero();
    Path path = Files.writeString(dir.resolve(file), data);
    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-last").toString(), path.toString());
    assertThat(evaluate.exit()).isEqualTo(2);
    assertThat(evaluate.out()).doesNotContain("acc");
    return evaluate;
  }

  @Test
  void dataWithoutExamplesIsACodedErrorNotScoresOfZero() throws Exception {
    assertThat(refusedEvaluation("empty.jsonl", "").err()).startsWith("[E408] " + dir.resolve("empty.jsonl") + " holds no examples");
  }

  @Test
  void recordsOfAnotherWidthThanTheModelWasTrainedOnAreACodedError() throws Exception {
    assertThat(refusedEvaluation("narrow.jsonl", "{\"features\": [1, 2, 3, 4, 5], \"label\": \"c0\"}\n").err())
        .startsWith("[E229] component classifier: the records have 5 features each, but the model was trained on 12.");
  }

  /** Regression: evaluate recovered model-last as a writer would, deleting the running training's staging folder. */
  @Test
  void evaluatingAModelLastBesideAWritersStagingFolderLeavesTheFolder() throws Exception {
    Path config = TrainingFixture.write(dir, 10, 10);
    Path output = dir.resolve("run");
    assertThat(KilnRun.of("train", config.toString(), "--output", output.toString()).exit()).isZero();
    // What a run saving its next model-last has written so far.
    Path staging = Files.createDirectories(output.resolve(".model-last.new/training/optimizer"));
    Files.writeString(staging.resolve("optimizer.json"), "{\"step\":");

    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-last").toString(), dir.resolve("dev.jsonl").toString());

    assertThat(evaluate.exit()).as(evaluate.err()).isZero();
    assertThat(evaluate.out()).contains("acc");
    assertThat(staging.resolve("optimizer.json")).hasContent("{\"step\":");
  }

  @Test
  void aModelLastBetweenTheTwoRenamesOfItsCommitIsEvaluatedWithoutBeingMoved() throws Exception {
    Path config = TrainingFixture.write(dir, 10, 10);
    Path output = dir.resolve("run");
    assertThat(KilnRun.of("train", config.toString(), "--output", output.toString()).exit()).isZero();
    Files.move(output.resolve("model-last"), output.resolve(".model-last.old"));

    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-last").toString(), dir.resolve("dev.jsonl").toString());
    KilnRun predict = KilnRun.of("predict", output.resolve("model-last").toString(), dir.resolve("dev.jsonl").toString());

    assertThat(evaluate.exit()).as(evaluate.err()).isZero();
    assertThat(predict.exit()).as(predict.err()).isZero();
    assertThat(output.resolve("model-last")).doesNotExist();
    assertThat(output.resolve(".model-last.old")).isDirectory();
  }

  @Test
  void evaluatingSomethingThatIsNotAModelExitsTwo() {
    KilnRun run = KilnRun.of("evaluate", dir.toString(), dir.resolve("x.jsonl").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E226]");
  }
}
