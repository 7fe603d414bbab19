package dev.kiln.train.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.StepInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one JSON object per evaluation: epoch, step, score, losses, scores, seconds, words. */
public final class JsonlLogger implements TrainLogger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public JsonlLogger(Path file) {
    this.file = file;
  }

  @Override
  public Session start(LogContext context) {
    LogFile log = LogFile.open(file, context);
    return new Session() {
      @Override
      public void logStep(StepInfo info, boolean evaluated) {
        if (!evaluated) {
          return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", info.epoch());
        row.put("step", info.step());
        row.put("score", info.score());
        row.put("losses", info.losses());
        row.put("scores", info.otherScores());
        row.put("seconds", info.seconds());
        row.put("words", info.words());
        try {
          log.writeLine(JSON.writeValueAsString(row));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("scores must be JSON values", e);
        }
      }

      @Override
      public Map<String, Object> state() {
        return log.state();
      }

      @Override
      public void close() {
        log.close();
      }
    };
  }
}
