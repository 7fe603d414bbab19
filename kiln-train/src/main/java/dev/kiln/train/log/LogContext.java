package dev.kiln.train.log;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a logger knows when training starts.
 *
 * @param components the names of the components that report losses, in pipeline order
 * @param scoreWeights the score weights (a null weight: logged, not weighed)
 * @param evalFrequency steps between evaluations, for progress bars
 * @param out where tables go (standard output in the CLI)
 * @param err where warnings go
 * @param outputDirectory the run's output directory, when it has one (file loggers resolve
 *     relative paths against it)
 * @param resumedState the session state saved with the checkpoint being resumed, else empty
 * @param interactive whether {@code out} is a terminal (progress bars) or a file or pipe
 */
public record LogContext(
    List<String> components,
    Map<String, Double> scoreWeights,
    long evalFrequency,
    PrintWriter out,
    PrintWriter err,
    Optional<Path> outputDirectory,
    Map<String, Object> resumedState,
    boolean interactive) {}
