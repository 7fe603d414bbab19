package dev.kiln.train.build;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.Datum;
import dev.kiln.train.Pipeline;
import dev.kiln.train.disk.PipelineDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the pipeline a config describes: the components named by {@code [nlp] pipeline} (or
 * every {@code [components]} section, in order), each made by its registered factory, or taken
 * with its weights from a trained pipeline with {@code source = "path/to/model-best"}.
 */
public final class PipelineBuilder {
  private PipelineBuilder() {}

  /** The component names in pipeline order. */
  public static List<String> componentNames(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    Object listed = root.section("nlp").map(nlp -> nlp.get("pipeline")).orElse(null);
    if (!(listed instanceof List<?> names)) {
      return List.copyOf(components.keys());
    }
    List<String> order = new ArrayList<>();
    for (Object name : names) {
      String text = String.valueOf(name);
      if (!components.has(text)) {
        throw new KilnException(ErrorCode.E221, text, String.join(", ", components.keys()));
      }
      order.add(text);
    }
    return order;
  }

  /** The components taken from trained pipelines ({@code source = ...}): trained further, not initialized. */
  public static List<String> sourcedNames(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    List<String> sourced = new ArrayList<>();
    for (String name : componentNames(root)) {
      if (components.section(name).map(section -> section.has("source")).orElse(false)) {
        sourced.add(name);
      }
    }
    return sourced;
  }

  /**
   * The components of an interpolated (and filled) config root, built and, when sourced, loaded.
   */
  @SuppressWarnings("unchecked")
  public static <D extends Datum> Pipeline<D> build(Section root, Registries registries) {
    Section components = root.section("components").orElseGet(Section::new);
    Section promises = new Section();
    List<String> names = componentNames(root);
    for (String name : names) {
      Section section = components.section(name).orElseThrow();
      if (!section.has("source")) {
        promises.put(name, ComponentSections.toPromise(name, section, registries), section.line());
      }
    }
    Section wrapper = new Section();
    wrapper.put("components", promises);
    Map<String, Object> built = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("components");
    List<Component<D>> pipeline = new ArrayList<>();
    for (String name : names) {
      Section section = components.section(name).orElseThrow();
      pipeline.add(section.has("source")
          ? (Component<D>) sourced(name, section, registries)
          : (Component<D>) built.get(name));
    }
    return new Pipeline<>(pipeline);
  }

  /** A component taken from a trained pipeline directory, with its weights. */
  private static Component<?> sourced(String name, Section section, Registries registries) {
    Path source = Path.of(String.valueOf(section.get("source")));
    String sourceName = section.get("component") instanceof String other ? other : name;
    if (!Files.isDirectory(source)) {
      throw new KilnException(ErrorCode.E218, name, source);
    }
    PipelineDirectory.verify(source);
    Section sourceRoot = Config.read(source.resolve(PipelineDirectory.CONFIG)).interpolate().root();
    Section sourceComponents = sourceRoot.section("components").orElseGet(Section::new);
    Section original = sourceComponents.section(sourceName).orElseThrow(() -> new KilnException(
        ErrorCode.E216, name, source, sourceName, String.join(", ", sourceComponents.keys())));
    Section promises = new Section();
    promises.put(sourceName, ComponentSections.toPromise(sourceName, original, registries));
    Section wrapper = new Section();
    wrapper.put("components", promises);
    @SuppressWarnings("unchecked")
    Map<String, Object> built = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("components");
    Component<?> component = (Component<?>) built.get(sourceName);
    if (component instanceof Checkpointable checkpointable) {
      try {
        checkpointable.load(source.resolve(sourceName));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return component;
  }
}
