package dev.kiln.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A component capability: writes its weights and state into a folder of a pipeline directory,
 * and reads them back. Weights go in {@code weights.safetensors}; small state (labels, RNG
 * states) in JSON. Loading never runs code from the folder.
 */
public interface Checkpointable {
  /** Writes this component's weights and state into the (empty) {@code folder}. */
  void save(Path folder) throws IOException;

  /** Replaces this component's weights and state with what {@link #save} wrote. */
  void load(Path folder) throws IOException;
}
