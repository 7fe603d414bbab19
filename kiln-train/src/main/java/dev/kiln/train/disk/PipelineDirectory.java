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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

  /** How many times a reader reads a pipeline that changes while it is read, before it gives up. */
  static final int READS = 10;

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
   * Checks that {@code directory} holds a complete pipeline, changing nothing on disk, and returns
   * where its current version is: {@code directory} itself or, while a commit is between its two
   * renames (or a crash left it there), the staged or old version {@link AtomicDirectory#recover}
   * would keep.
   *
   * @throws KilnException E226 if it is not a pipeline directory, E210/E211 if it is incomplete
   */
  public static Path verify(Path directory) {
    Path version = AtomicDirectory.readable(directory);
    if (!Files.exists(version)) {
      throw new KilnException(ErrorCode.E226, directory, "there is no such directory");
    }
    if (!Files.isRegularFile(version.resolve(CONFIG))) {
      throw new KilnException(ErrorCode.E226, directory, "it has no " + CONFIG);
    }
    Manifest.verify(version);
    return version;
  }

  /** Reads something of one verified version of a saved pipeline, given where that version is. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(Path version);
  }

  /**
   * What {@code reader} reads of {@code directory}, all of one version: a run may replace its
   * model-last while it is read, so the read is repeated, up to {@value #READS} times, until the
   * directory is the same version after it as before (the same folder, the same manifest).
   *
   * @throws KilnException E265 if it changed at every read; what {@link #verify} or {@code reader}
   *     throws when it fails on a version that did not change meanwhile
   */
  public static <T> T read(Path directory, Reader<T> reader) {
    for (int read = 1; ; read++) {
      Version before = Version.of(directory);
      try {
        T value = reader.read(verify(directory));
        if (before.equals(Version.of(directory))) {
          return value;
        }
      } catch (RuntimeException e) {
        // A failure on a version that was replaced meanwhile (a file gone, half of another
        // version) says nothing about the pipeline; one on a version that stayed is the answer.
        if (before.equals(Version.of(directory))) {
          throw e;
        }
      }
      if (read == READS) {
        throw new KilnException(ErrorCode.E265, directory, "at each of " + READS + " reads");
      }
    }
  }

  /** A saved pipeline as loaded, with the config it was built from. */
  public record Loaded<D extends Datum>(Pipeline<D> pipeline, Config config) {}

  /** Loads a saved pipeline: verifies it, builds its components and reads their weights. */
  public static <D extends Datum> Pipeline<D> load(Path directory, Registries registries) {
    return PipelineDirectory.<D>loadWithConfig(directory, registries).pipeline();
  }

  /** As {@link #load}, with the saved config, of the same version as the weights. */
  public static <D extends Datum> Loaded<D> loadWithConfig(Path directory, Registries registries) {
    return read(directory, version -> {
      Config config = Config.read(version.resolve(CONFIG));
      Pipeline<D> pipeline = PipelineBuilder.build(config.interpolate().root(), registries);
      try {
        readComponents(version, pipeline);
      } catch (IOException e) {
        throw new KilnException(ErrorCode.E226, directory, e.getMessage());
      }
      return new Loaded<>(pipeline, config);
    });
  }

  /**
   * Which version of a pipeline directory a reader sees: the folder {@link AtomicDirectory#readable}
   * names and its manifest's text (empty when it has none). Every version a run saves differs in
   * its manifest (its meta.json records the step), and a folder renamed in is another folder.
   */
  private record Version(Path folder, Optional<String> manifest) {
    static Version of(Path directory) {
      Path folder = AtomicDirectory.readable(directory);
      try {
        return new Version(folder, Optional.of(Files.readString(folder.resolve(Manifest.FILE_NAME))));
      } catch (IOException | UncheckedIOException e) {
        return new Version(folder, Optional.empty());
      }
    }
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
