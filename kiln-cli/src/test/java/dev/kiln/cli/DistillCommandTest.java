package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistillCommandTest {
  @TempDir Path dir;

  @Test
  void aSmallerStudentLearnsFromTheTeachersOutputsAlone() throws Exception {
    Path teacherConfig = TrainingFixture.write(dir, 10, 60);
    Path teacher = dir.resolve("teacher");
    KilnRun trained = KilnRun.of("train", teacherConfig.toString(), "--output", teacher.toString());
    assertThat(trained.exit()).as(trained.err()).isZero();

    // The student reads the training data without its labels: all it has is the teacher.
    Path unlabeled = dir.resolve("unlabeled.jsonl");
    Files.write(unlabeled, Files.readAllLines(dir.resolve("train.jsonl")).stream()
        .map(line -> line.replaceAll(", \"label\": \"c[0-9]\"", "")).toList());
    Path studentConfig = dir.resolve("student.cfg");
    Files.writeString(studentConfig, Files.readString(teacherConfig).replace("nO = 32", "nO = 8") + String.join("\n",
        "",
        "[corpora.unlabeled]",
        "@readers = \"kiln.LabeledJsonl.v1\"",
        "path = \"" + unlabeled + "\"",
        "",
        "[distillation]",
        "corpus = \"corpora.unlabeled\"",
        "max_steps = 60",
        "max_epochs = 0",
        "dropout = 0.0",
        "",
        "[distillation.batcher]",
        "@batchers = \"kiln.batch_by_sequence.v1\"",
        "size = 32",
        "",
        "[distillation.optimizer]",
        "@optimizers = \"Adam.v1\"",
        "learn_rate = 0.01",
        ""));
    Path student = dir.resolve("student");
    KilnRun distilled = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", student.toString());
    assertThat(distilled.exit()).as(distilled.err()).isZero();
    assertThat(distilled.out()).contains("Stopped: max_steps: step 60");

    KilnRun evaluated = KilnRun.of("evaluate", student.resolve("model-best").toString(), dir.resolve("dev.jsonl").toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    Map<?, ?> scores = new ObjectMapper().readValue(evaluated.out(), Map.class);
    assertThat(((Number) scores.get("acc")).doubleValue()).isGreaterThan(0.8);
  }

  @Test
  void aTeacherOfAnotherKindOfRecordIsRefusedBeforeTraining() throws Exception {
    // The teacher classifies feature vectors; the student's corpus is a table.
    Path teacherConfig = TrainingFixture.write(dir, 10, 20);
    Path teacher = dir.resolve("teacher");
    assertThat(KilnRun.of("train", teacherConfig.toString(), "--output", teacher.toString()).exit()).isZero();
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Path studentConfig = TabularFixture.write(tables, "kiln.tabular_classifier", false);
    Files.writeString(studentConfig, Files.readString(studentConfig) + String.join("\n",
        "",
        "[distillation]",
        "corpus = \"corpora.train\"",
        "",
        "[distillation.batcher]",
        "@batchers = \"kiln.batch_by_sequence.v1\"",
        "size = 16",
        "",
        "[distillation.optimizer]",
        "@optimizers = \"Adam.v1\"",
        ""));
    KilnRun refused = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", dir.resolve("student").toString());
    assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("[E242] the teacher component classifier reads Labeled records, but the"
        + " distillation corpus gives TableRow records").doesNotContain("\tat ");
  }
}
