package dev.kiln.train.disk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.Datum;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A saved pipeline ({@code model-best/}, {@code model-last/}): {@code config.cfg} (filled),
 * {@code meta.json}, one folder per component, and {@code manifest.json} written last. Loading
 * verifies the manifest, rebuilds the components from the config's registered names, then reads
 * their weights: nothing in the directory is ever run as code.
 */
public final class PipelineDirectory {
  public static final String CONFIG = "config.cfg";
  public static final String META = "meta.json";
  /** The folder of a checkpoint's resumable training state (model-last and step checkpoints). */
  public static final String TRAINING = "training";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PipelineDirectory() {}

  /** Writes config, meta and every checkpointable component into {@code staging}. */
  public static void write(Path staging, String filledConfig, Map<String, Object> meta, Pipeline<?> pipeline)
      throws IOException {
    Files.writeString(staging.resolve(CONFIG), filledConfig, StandardCharsets.UTF_8);
    Files.write(staging.resolve(META), JSON.writeValueAsBytes(meta));
    writeComponents(staging, pipeline);
  }

  /** Writes every checkpointable component into its own folder under {@code directory}. */
  public static void writeComponents(Path directory, Pipeline<?> pipeline) throws IOException {
    for (Component<?> component : pipeline.components()) {
      if (component instanceof Checkpointable checkpointable) {
        Path folder = Files.createDirectories(directory.resolve(component.name()));
        checkpointable.save(folder);
      }
    }
  }

  /** Reads every checkpointable component's folder under {@code directory}. */
  public static void readComponents(Path directory, Pipeline<?> pipeline) throws IOException {
    for (Component<?> component : pipeline.components()) {
      if (component instanceof Checkpointable checkpointable) {
        checkpointable.load(directory.resolve(component.name()));
      }
    }
  }

  /**
   * Finishes any interrupted commit of {@code directory}, then checks that it is a complete
   * pipeline directory.
   *
   * @throws KilnException E226 if it is not a pipeline directory, E210/E211 if it is incomplete
   */
  public static void verify(Path directory) {
    AtomicDirectory.recover(directory);
    if (!Files.exists(directory)) {
      throw new KilnException(ErrorCode.E226, directory, "there is no such directory");
    }
    if (!Files.isRegularFile(directory.resolve(CONFIG))) {
      throw new KilnException(ErrorCode.E226, directory, "it has no " + CONFIG);
    }
    Manifest.verify(directory);
  }

  /** Loads a saved pipeline: verifies it, builds its components and reads their weights. */
  public static <D extends Datum> Pipeline<D> load(Path directory, Registries registries) {
    verify(directory);
    Config config = Config.read(directory.resolve(CONFIG));
    Pipeline<D> pipeline = PipelineBuilder.build(config.interpolate().root(), registries);
    try {
      readComponents(directory, pipeline);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E226, directory, e.getMessage());
    }
    return pipeline;
  }

  /** The {@code meta.json} of a saved pipeline. */
  public static Map<String, Object> meta(Path directory) {
    try {
      return JSON.readValue(directory.resolve(META).toFile(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E226, directory, "its " + META + " is not readable: " + e.getMessage());
    }
  }
}
