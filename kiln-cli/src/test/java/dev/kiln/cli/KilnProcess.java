package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** kiln run in a child JVM, so a test can kill it with SIGKILL mid-flight. */
final class KilnProcess {
  private KilnProcess() {}

  static Process start(Path log, String... args) throws IOException {
    return start(Path.of("").toAbsolutePath(), log, args);
  }

  /** Starts kiln in {@code directory} with its output going to {@code log}. */
  static Process start(Path directory, Path log, String... args) throws IOException {
    return start(directory, "256m", log, args);
  }

  /** Runs kiln with a heap of {@code heap} (such as {@code 48m}) to the end; returns its exit status. */
  static int runWithHeap(String heap, Path log, String... args) throws IOException, InterruptedException {
    return waitFor(start(Path.of("").toAbsolutePath(), heap, log, args), log);
  }

  private static Process start(Path directory, String heap, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OPENBLAS_NUM_THREADS", "1");
    return builder.start();
  }

  /** Runs kiln to the end and returns its exit status. */
  static int run(Path log, String... args) throws IOException, InterruptedException {
    return run(Path.of("").toAbsolutePath(), log, args);
  }

  /** Runs kiln in {@code directory} to the end and returns its exit status. */
  static int run(Path directory, Path log, String... args) throws IOException, InterruptedException {
    return waitFor(start(directory, log, args), log);
  }

  private static int waitFor(Process process, Path log) throws InterruptedException {
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("kiln did not finish in 5 minutes; see " + log);
    }
    return process.exitValue();
  }

  /**
   * Waits until the output in {@code log} contains {@code text} (such as the header of the
   * training table), so that a kill timed from then lands in training, not in JVM start-up.
   */
  static void awaitOutput(Process process, Path log, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("kiln never printed \"" + text + "\"; see " + log);
      }
      Thread.sleep(20);
    }
  }

  /** Kills with SIGKILL (no shutdown hooks, no cleanup) and waits until it is gone. */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
