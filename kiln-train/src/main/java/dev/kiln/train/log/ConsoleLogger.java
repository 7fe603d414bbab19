package dev.kiln.train.log;

import dev.kiln.train.StepInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * spaCy's console table: one row per evaluation with the epoch, the step, each component's loss,
 * each weighted score (as a percentage, except {@code speed}) and the main score. On a terminal a
 * progress bar with an ETA counts the steps to the next evaluation; elsewhere only rows print.
 */
public final class ConsoleLogger implements TrainLogger {
  private final boolean progressBar;

  public ConsoleLogger(boolean progressBar) {
    this.progressBar = progressBar;
  }

  @Override
  public Session start(LogContext context) {
    return new ConsoleSession(context, progressBar && context.interactive());
  }

  private static final class ConsoleSession implements Session {
    private final PrintWriter out;
    private final List<String> components;
    private final List<String> scoreColumns = new ArrayList<>();
    private final int[] widths;
    private final ProgressLine progress;

    ConsoleSession(LogContext context, boolean showProgress) {
      this.out = context.out();
      this.components = context.components();
      context.scoreWeights().forEach((metric, weight) -> {
        if (weight != null) {
          scoreColumns.add(metric);
        }
      });
      List<String> header = new ArrayList<>(List.of("E", "#"));
      components.forEach(name -> header.add("LOSS " + name.toUpperCase(Locale.ROOT)));
      scoreColumns.forEach(metric -> header.add(metric.toUpperCase(Locale.ROOT)));
      header.add("SCORE");
      widths = new int[header.size()];
      for (int i = 0; i < widths.length; i++) {
        // Speed is words per second, not a percentage: its values need room for five digits.
        int least = i == 0 ? 3 : header.get(i).equals("SPEED") ? 8 : 6;
        widths[i] = Math.max(header.get(i).length(), least);
      }
      progress = showProgress ? new ProgressLine(out, context.evalFrequency()) : null;
      printRow(header);
      List<String> rule = new ArrayList<>();
      for (int width : widths) {
        rule.add("-".repeat(width));
      }
      printRow(rule);
    }

    @Override
    public void logStep(StepInfo info, boolean evaluated) {
      if (!evaluated) {
        if (progress != null) {
          progress.advance(info.step());
        }
        return;
      }
      if (progress != null) {
        progress.clear();
      }
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(info.epoch()));
      cells.add(Long.toString(info.step()));
      for (String component : components) {
        cells.add(format(info.losses().getOrDefault(component, 0.0)));
      }
      for (String metric : scoreColumns) {
        cells.add(scoreCell(metric, info.otherScores()));
      }
      cells.add(format(info.score()));
      printRow(cells);
      if (progress != null) {
        progress.restart(info.step());
      }
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.clear();
      }
      out.flush();
    }

    private static String scoreCell(String metric, Map<String, Object> scores) {
      Object value = scores.get(metric);
      if (!(value instanceof Number number)) {
        return "-";
      }
      double score = number.doubleValue();
      return format(metric.equals("speed") ? score : score * 100);
    }

    private static String format(double value) {
      return String.format(Locale.ROOT, "%.2f", value);
    }

    private void printRow(List<String> cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
        // Epoch and step are right-aligned numbers like the rest; the header reads the same way.
        line.append(i == 0 ? "" : "  ").append(padding).append(cell);
      }
      out.println(line.toString().stripTrailing());
      out.flush();
    }
  }
}
