package dev.kiln.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How to run {@link Trainer}: where to write, whether to resume, where to print, and a flag that
 * asks the run to stop after the current batch (Ctrl-C).
 *
 * @param output the output directory ({@code model-best/}, {@code model-last/}, {@code checkpoints/})
 * @param resume continue from {@code model-last}'s training state
 * @param resumeForce resume even if the config or data changed
 * @param out where the progress table goes
 * @param err where notices go
 * @param interactive whether {@code out} is a terminal
 * @param interrupt set to ask for a stop after the current batch
 */
public record TrainOptions(
    Path output, boolean resume, boolean resumeForce, PrintWriter out, PrintWriter err,
    boolean interactive, AtomicBoolean interrupt) {
  /** A new run into {@code output}, printing to standard output and error, as a library call would. */
  public static TrainOptions to(Path output) {
    return new TrainOptions(output, false, false, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        false, new AtomicBoolean());
  }

  /** These options, resuming from {@code model-last} (refusing a changed config or data unless {@code force}). */
  public TrainOptions resuming(boolean force) {
    return new TrainOptions(output, true, force, out, err, interactive, interrupt);
  }
}
