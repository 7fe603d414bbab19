package dev.kiln.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a training run ended.
 *
 * @param stopReason why it stopped
 * @param modelLast the final pipeline directory
 * @param modelBest the best pipeline directory, if any evaluation ran
 * @param bestScore the best main score, if any evaluation ran
 */
public record TrainResult(StopReason stopReason, Path modelLast, Optional<Path> modelBest, Optional<Double> bestScore) {}
