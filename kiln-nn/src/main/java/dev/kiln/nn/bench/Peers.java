package dev.kiln.nn.bench;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Thinc and PyTorch peer scripts one after the other (never beside kiln) and prints
 * kiln's speed relative to theirs.
 */
final class Peers {
  private static final Path PEERS = Path.of("/work/shared/peers");
  private static final Pattern SUMMARY = Pattern.compile(
      "SUMMARY (\\w+) median_examples_per_s\\([^)]*\\)=(\\d+) final_test_acc=([\\d.]+)");

  private Peers() {}

  /**
   * Runs each peer from {@code seed}, printing its speed against kiln's; with {@code seeds > 1},
   * then from the following seeds too, printing the spread of its test accuracies.
   */
  static void run(int epochs, double kilnRate, long seed, int seeds)
      throws IOException, InterruptedException {
    String e = Integer.toString(epochs);
    runSeeds("thinc", kilnRate, seed, seeds, List.of("/usr/bin/python3",
        PEERS.resolve("thinc_mlp.py").toString(), "--epochs", e));
    runSeeds("torch --threads 1", kilnRate, seed, seeds, List.of("/usr/bin/python3",
        PEERS.resolve("torch_mlp.py").toString(), "--epochs", e, "--threads", "1",
        "--interop-threads", "1"));
  }

  private static void runSeeds(String label, double kilnRate, long seed, int seeds,
      List<String> command) throws IOException, InterruptedException {
    double[] accuracies = new double[seeds];
    for (int i = 0; i < seeds; i++) {
      List<String> seeded = new ArrayList<>(command);
      seeded.addAll(List.of("--seed", Long.toString(seed + i)));
      accuracies[i] = runOne(label, kilnRate, seeded);
    }
    if (seeds > 1) {
      System.out.println(new AccuracySpread(label.replace(' ', '_'), seed, accuracies).line());
    }
  }

  /** Runs one peer and returns its final test accuracy (NaN without a summary line). */
  private static double runOne(String label, double kilnRate, List<String> command)
      throws IOException, InterruptedException {
    System.out.println("peer " + label + ": " + String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The peers run as their README measured them: with OpenBLAS's default thread count, not
    // the single thread kiln's own pool needs.
    builder.environment().remove("OPENBLAS_NUM_THREADS");
    Process process = builder.start();
    Matcher found = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println("  " + line);
        Matcher m = SUMMARY.matcher(line);
        if (m.find()) {
          found = m;
        }
      }
    }
    int exit = process.waitFor();
    if (found == null) {
      System.out.println("peer " + label + ": no SUMMARY line (exit " + exit + ")");
      return Double.NaN;
    }
    double rate = Double.parseDouble(found.group(2));
    System.out.printf(Locale.ROOT, "peer %s: examples_per_s=%.0f test_acc=%s kiln/peer=%.2f%n",
        label, rate, found.group(3), kilnRate / rate);
    return Double.parseDouble(found.group(3));
  }
}
