package dev.kiln.train;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.nn.schedules.Schedule;
import java.util.Map;

/**
 * The {@code [distillation]} section, with spaCy's keys: the corpus the student learns from (read
 * as a stream, never loaded or shuffled), its batcher, optimizer, dropout and limits, and which
 * teacher component each student component learns from. Evaluation, logging and checkpoints
 * follow {@code [training]}.
 */
public record DistillSettings(
    @Default("\"corpora.train\"") String corpus,
    @Default("0.1") Schedule dropout,
    @Name("max_epochs") @Default("1") int maxEpochs,
    @Name("max_steps") @Default("0") long maxSteps,
    Batcher<?> batcher,
    Optimizer optimizer,
    @Name("student_to_teacher") @Default("{}") Map<String, String> studentToTeacher) {

  /** The teacher component a student component learns from: its mapping, else the same name. */
  public String teacherOf(String student) {
    return studentToTeacher.getOrDefault(student, student);
  }
}
