package dev.kiln.train.log;

import dev.kiln.train.StepInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one CSV row per evaluation: epoch, step, each component's loss, each weighted score,
 * the main score, seconds and words. Nested scores (per-type figures) are left out.
 */
public final class CsvLogger implements TrainLogger {
  private final Path file;

  public CsvLogger(Path file) {
    this.file = file;
  }

  @Override
  public Session start(LogContext context) {
    LogFile log = LogFile.open(file, context);
    List<String> metrics = new ArrayList<>();
    context.scoreWeights().forEach((metric, weight) -> metrics.add(metric));
    if (log.isEmpty()) {
      List<String> header = new ArrayList<>(List.of("epoch", "step"));
      context.components().forEach(name -> header.add("loss_" + name));
      header.addAll(metrics);
      header.addAll(List.of("score", "seconds", "words"));
      log.writeLine(String.join(",", header));
    }
    return new Session() {
      @Override
      public void logStep(StepInfo info, boolean evaluated) {
        if (!evaluated) {
          return;
        }
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(info.epoch()));
        cells.add(Long.toString(info.step()));
        for (String component : context.components()) {
          cells.add(number(info.losses().get(component)));
        }
        for (String metric : metrics) {
          cells.add(info.otherScores().get(metric) instanceof Number n ? number(n) : "");
        }
        cells.add(number(info.score()));
        cells.add(Long.toString(info.seconds()));
        cells.add(Long.toString(info.words()));
        log.writeLine(String.join(",", cells));
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

  private static String number(Number value) {
    return value == null ? "" : String.format(Locale.ROOT, "%s", value.doubleValue());
  }
}
