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
import java.util.LinkedHashMap;
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

  /**
   * The section each sourced component of {@code root} (interpolated) was built from, in its
   * source pipeline's config. A saved config holds these in place of {@code source = ...}, as
   * spaCy's does, so that the saved pipeline loads on its own, whatever becomes of its sources.
   * For a root whose pipeline {@link #build} made: the sources' files were verified then, and
   * are not hashed again.
   */
  public static Map<String, Section> sourcedSections(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    Map<String, Section> sections = new LinkedHashMap<>();
    for (String name : sourcedNames(root)) {
      Section section = components.section(name).orElseThrow();
      sections.put(name, sectionIn(existingSource(name, section), name, section));
    }
    return sections;
  }

  /**
   * Where each sourced component of {@code root} came from, for meta.json: its source pipeline
   * and the component's name there.
   */
  public static Map<String, Map<String, String>> sourcedOrigins(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    Map<String, Map<String, String>> origins = new LinkedHashMap<>();
    for (String name : sourcedNames(root)) {
      Section section = components.section(name).orElseThrow();
      Map<String, String> origin = new LinkedHashMap<>();
      origin.put("source", String.valueOf(section.get("source")));
      origin.put("component", sourceName(name, section));
      origins.put(name, origin);
    }
    return origins;
  }

  /** A component taken from a trained pipeline directory, with its weights, under its name here. */
  private static Component<?> sourced(String name, Section section, Registries registries) {
    Section original = sourceSection(name, section);
    Section promises = new Section();
    promises.put(name, ComponentSections.toPromise(name, original, registries));
    Section wrapper = new Section();
    wrapper.put("components", promises);
    @SuppressWarnings("unchecked")
    Map<String, Object> built = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("components");
    Component<?> component = (Component<?>) built.get(name);
    if (component instanceof Checkpointable checkpointable) {
      try {
        checkpointable.load(sourcePath(section).resolve(sourceName(name, section)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return component;
  }

  /**
   * The sourced component's section in its source pipeline's config (interpolated).
   *
   * @throws KilnException E218 if the source is not a directory, E216 if it has no such component
   */
  private static Section sourceSection(String name, Section section) {
    Path source = existingSource(name, section);
    PipelineDirectory.verify(source);
    return sectionIn(source, name, section);
  }

  /** The source directory of a sourced component; E218 if there is none. */
  private static Path existingSource(String name, Section section) {
    Path source = sourcePath(section);
    if (!Files.isDirectory(source)) {
      throw new KilnException(ErrorCode.E218, name, source);
    }
    return source;
  }

  /** The sourced component's section in the config of {@code source}, its (verified) pipeline. */
  private static Section sectionIn(Path source, String name, Section section) {
    String sourceName = sourceName(name, section);
    Section sourceRoot = Config.read(source.resolve(PipelineDirectory.CONFIG)).interpolate().root();
    Section sourceComponents = sourceRoot.section("components").orElseGet(Section::new);
    Section original = sourceComponents.section(sourceName).orElseThrow(() -> new KilnException(
        ErrorCode.E216, name, source, sourceName, String.join(", ", sourceComponents.keys())));
    // A pipeline saved before saved configs held sourced sections in full still says source = ...
    // there: its section is the one it was sourced from, in turn.
    return original.has("source") ? sourceSection(sourceName, original) : original;
  }

  private static Path sourcePath(Section section) {
    return Path.of(String.valueOf(section.get("source")));
  }

  /** The component's name in its source pipeline: {@code component = ...}, else its own. */
  private static String sourceName(String name, Section section) {
    return section.get("component") instanceof String other ? other : name;
  }
}
