package dev.kiln.train.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.ScoreAtStep;
import dev.kiln.train.StepInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggersTest {
  @TempDir Path output;

  private static Map<String, Double> weights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("cats_score", 1.0);
    weights.put("speed", 0.0);
    weights.put("cats_f_per_type", null);
    return weights;
  }

  private LogContext context(StringWriter out, Map<String, Object> resumed) {
    return new LogContext(List.of("tok2vec", "textcat"), weights(), 200, new PrintWriter(out),
        new PrintWriter(new StringWriter()), Optional.of(output), resumed, false);
  }

  private static StepInfo evaluation(int epoch, long step, double score) {
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("cats_score", score);
    scores.put("speed", 12345.678);
    scores.put("cats_f_per_type", Map.of("SPAM", Map.of("f", 0.9)));
    return new StepInfo(epoch, step, score, scores, Map.of("textcat", 1.23456), List.of(new ScoreAtStep(score, step)), 3, 40);
  }

  @Test
  void consolePrintsSpacysTableWithScoresAsPercentagesExceptSpeed() {
    StringWriter out = new StringWriter();
    try (TrainLogger.Session session = new ConsoleLogger(true).start(context(out, Map.of()))) {
      session.logStep(evaluation(0, 0, 0.41), true);
      session.logStep(evaluation(0, 1, 0.5), false);
      session.logStep(evaluation(2, 200, 0.9512), true);
    }
    assertThat(out.toString()).isEqualTo(String.join("\n",
        "  E       #  LOSS TOK2VEC  LOSS TEXTCAT  CATS_SCORE     SPEED   SCORE",
        "---  ------  ------------  ------------  ----------  --------  ------",
        "  0       0          0.00          1.23       41.00  12345.68    0.41",
        "  2     200          0.00          1.23       95.12  12345.68    0.95",
        ""));
  }

  /**
   * Logs step 0's evaluation with a checkpoint there, then {@code afterCheckpoint} (which a
   * killed run wrote); then resumes from the checkpoint and logs step 10 with a score of 0.3.
   */
  private void killAndResume(TrainLogger logger, List<StepInfo> afterCheckpoint, Runnable beforeResume) {
    Map<String, Object> checkpointState;
    try (TrainLogger.Session session = logger.start(context(new StringWriter(), Map.of()))) {
      session.logStep(evaluation(0, 0, 0.1), true);
      checkpointState = session.state();
      afterCheckpoint.forEach(step -> session.logStep(step, true));
    }
    beforeResume.run();
    try (TrainLogger.Session resumed = logger.start(context(new StringWriter(), checkpointState))) {
      resumed.logStep(evaluation(0, 10, 0.3), true);
    }
  }

  @Test
  void aResumedJsonlLogDropsWhatTheKilledRunWroteAfterItsCheckpoint() throws IOException {
    killAndResume(Loggers.jsonl(Path.of("log.jsonl")), List.of(evaluation(0, 10, 0.2)), () -> {});
    List<String> lines = Files.readAllLines(output.resolve("log.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"epoch\":0,\"step\":0,\"score\":0.1,\"losses\":{\"textcat\":1.23456}");
    assertThat(lines.get(1)).contains("\"score\":0.3");
  }

  @Test
  void aLogDeletedBeforeTheResumeStartsAgainWithoutAHoleOfNulBytes() throws IOException {
    killAndResume(Loggers.csv(Path.of("log.csv")), List.of(), () -> assertThat(output.resolve("log.csv").toFile().delete()).isTrue());
    String text = Files.readString(output.resolve("log.csv"));
    assertThat(text).doesNotContain("\0").startsWith("epoch,step,");
    assertThat(text.lines()).hasSize(2);
  }

  @Test
  void aLoggerThatWritesAnotherFileSinceTheResumeDoesNotCutItToTheOldFilesLength() throws IOException {
    Map<String, Object> checkpointState;
    try (TrainLogger.Session session = Loggers.jsonl(Path.of("old.jsonl")).start(context(new StringWriter(), Map.of()))) {
      session.logStep(evaluation(0, 0, 0.1), true);
      checkpointState = session.state();
    }
    // A file the old logger never wrote, longer than its log: resuming with the saved length
    // kept a cut-off first line of it.
    Files.writeString(output.resolve("new.jsonl"), "x".repeat(1000) + "\n");
    try (TrainLogger.Session resumed = Loggers.jsonl(Path.of("new.jsonl")).start(context(new StringWriter(), checkpointState))) {
      resumed.logStep(evaluation(0, 10, 0.3), true);
    }
    List<String> lines = Files.readAllLines(output.resolve("new.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"epoch\":0,\"step\":10,");
    assertThat(Files.readAllLines(output.resolve("old.jsonl"))).hasSize(1);
  }

  @Test
  void csvHasAHeaderOnceAndOneRowPerEvaluation() throws IOException {
    try (TrainLogger.Session session = Loggers.chain(Loggers.csv(Path.of("log.csv"))).start(context(new StringWriter(), Map.of()))) {
      session.logStep(evaluation(0, 0, 0.5), true);
      session.logStep(evaluation(0, 1, 0.5), false);
      session.logStep(evaluation(1, 2, 0.75), true);
    }
    assertThat(Files.readAllLines(output.resolve("log.csv"))).containsExactly(
        "epoch,step,loss_tok2vec,loss_textcat,cats_score,speed,cats_f_per_type,score,seconds,words",
        "0,0,,1.23456,0.5,12345.678,,0.5,3,40",
        "1,2,,1.23456,0.75,12345.678,,0.75,3,40");
  }
}
