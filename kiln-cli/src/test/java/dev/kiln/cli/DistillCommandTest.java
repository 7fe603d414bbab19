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

  /** A [distillation] section reading {@code corpus}, with {@code extra} lines. */
  private static String distillation(String corpus, String... extra) {
    return String.join("\n", "", "[distillation]", "corpus = \"" + corpus + "\"", String.join("\n", extra), "",
        "[distillation.batcher]", "@batchers = \"kiln.batch_by_sequence.v1\"", "size = 16", "",
        "[distillation.optimizer]", "@optimizers = \"Adam.v1\"", "");
  }

  private Path trainedVectorTeacher() throws Exception {
    Path teacherConfig = TrainingFixture.write(dir, 10, 20);
    Path teacher = dir.resolve("teacher");
    assertThat(KilnRun.of("train", teacherConfig.toString(), "--output", teacher.toString()).exit()).isZero();
    return teacher;
  }

  @Test
  void aTeacherOfAnotherKindOfRecordIsRefusedBeforeTraining() throws Exception {
    // The teacher classifies table rows; the student's corpus holds feature vectors.
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Path teacherConfig = TabularFixture.write(tables, "kiln.tabular_classifier", false);
    Path teacher = dir.resolve("teacher");
    KilnRun trained = KilnRun.of("train", teacherConfig.toString(), "--output", teacher.toString());
    assertThat(trained.exit()).as(trained.err()).isZero();
    Path studentConfig = TrainingFixture.write(dir, 10, 20);
    Files.writeString(studentConfig, Files.readString(studentConfig)
        + distillation("corpora.train", "student_to_teacher = {\"classifier\": \"table\"}"));
    KilnRun refused = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", dir.resolve("student").toString());
    assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("[E242] the teacher component table reads TableRow records, but the"
        + " distillation corpus gives Labeled records").doesNotContain("\tat ");
  }

  @Test
  void aStudentComponentThatCannotLearnFromATeacherIsRefusedNotLeftUntrained() throws Exception {
    Path teacher = trainedVectorTeacher();
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Path studentConfig = TabularFixture.write(tables, "kiln.tabular_classifier", false);
    Files.writeString(studentConfig, Files.readString(studentConfig) + distillation("corpora.train"));
    KilnRun refused = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", dir.resolve("student").toString());
    assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E243] component table of the student cannot learn from a teacher");
    assertThat(dir.resolve("student/model-last")).doesNotExist();
  }

  @Test
  void aMappingForNoStudentComponentOrToNoTeacherComponentIsRefused() throws Exception {
    Path teacher = trainedVectorTeacher();
    Path studentConfig = dir.resolve("student.cfg");
    String student = Files.readString(dir.resolve("config.cfg"));
    Files.writeString(studentConfig, student + distillation("corpora.train", "student_to_teacher = {\"clasifier\": \"classifier\"}"));
    KilnRun unknownStudent = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", dir.resolve("student").toString());
    assertThat(unknownStudent.err()).startsWith("[E244] [distillation.student_to_teacher] maps \"clasifier\"");
    Files.writeString(studentConfig, student + distillation("corpora.train", "student_to_teacher = {\"classifier\": \"tagger\"}"));
    KilnRun unknownTeacher = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", dir.resolve("student").toString());
    assertThat(unknownTeacher.err()).startsWith("[E240] the teacher pipeline has no component \"tagger\"");
  }

  @Test
  void aStudentConfigWithoutADistillationSectionIsToldWhatToAdd() throws Exception {
    Path teacher = trainedVectorTeacher();
    KilnRun refused = KilnRun.of("distill", teacher.resolve("model-best").toString(), dir.resolve("config.cfg").toString(),
        "--output", dir.resolve("student").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E246] the student config has no [distillation] section");
  }

  @Test
  void anOutputHoldingTheTeacherIsRefusedAndTheTeacherKept() throws Exception {
    Path teacher = trainedVectorTeacher();
    Path studentConfig = dir.resolve("student.cfg");
    Files.writeString(studentConfig, Files.readString(dir.resolve("config.cfg")) + distillation("corpora.train"));
    KilnRun refused = KilnRun.of("distill", teacher.resolve("model-best").toString(), studentConfig.toString(),
        "--output", teacher.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E245]");
    assertThat(KilnRun.of("evaluate", teacher.resolve("model-best").toString(), dir.resolve("dev.jsonl").toString()).exit())
        .isZero();
  }
}
