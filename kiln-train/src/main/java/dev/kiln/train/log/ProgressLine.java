package dev.kiln.train.log;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return: steps done towards the next
 * evaluation, and the estimated time until it. Only used when the output is a terminal.
 */
final class ProgressLine {
  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final long evalFrequency;
  private long startStep;
  private long startNanos;
  private int lastWidth;

  ProgressLine(PrintWriter out, long evalFrequency) {
    this.out = out;
    this.evalFrequency = evalFrequency;
    restart(-1);
  }

  /** Starts counting from the evaluation at {@code step}. */
  void restart(long step) {
    startStep = step;
    startNanos = System.nanoTime();
  }

  void advance(long step) {
    long done = step - startStep;
    double fraction = Math.min(1.0, done / (double) evalFrequency);
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double eta = done > 0 ? elapsed / done * (evalFrequency - done) : 0;
    String line = String.format(Locale.ROOT, "  [%s%s] %d/%d steps to evaluation, ETA %s",
        "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), done, evalFrequency, clock(eta));
    out.print("\r" + line);
    out.flush();
    lastWidth = line.length() + 1;
  }

  void clear() {
    if (lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
      lastWidth = 0;
    }
  }

  private static String clock(double seconds) {
    long whole = Math.max(0, Math.round(seconds));
    return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
  }
}
