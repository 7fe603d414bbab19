package dev.kiln.train.build;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Section;
import dev.kiln.train.disk.PipelineDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The components a config takes from trained pipelines ({@code [components.NAME] source = ...},
 * optionally {@code component = "ITS_NAME_THERE"}), each looked up once: the section it is built
 * from, the folder its weights are read from, and where it came from, for {@code meta.json}.
 *
 * <p>Each source pipeline is verified (every file hashed against its manifest) and its config
 * read once, however many components come from it, directly or through a pipeline saved before
 * saved configs held sourced sections in full.
 */
public final class SourcedComponents {
  static final String SOURCE = "source";
  private static final String COMPONENT = "component";

  /**
   * One sourced component.
   *
   * @param section the section it is built from, from its source pipeline's config (interpolated)
   * @param weights the folder its weights are read from when it is built; empty when they are
   *     read afterwards from elsewhere
   * @param origin where it came from
   */
  public record Sourced(Section section, Optional<Path> weights, Origin origin) {}

  /**
   * Where a sourced component came from, as {@code meta.json} records it under {@code "sourced"}.
   *
   * @param source the source pipeline's directory, as the config named it
   * @param component the component's name there
   */
  public record Origin(String source, String component) {
    /** As JSON-ready values for {@code meta.json}. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(SOURCE, source);
      map.put(COMPONENT, component);
      return map;
    }
  }

  private final Map<String, Sourced> components;

  private SourcedComponents(Map<String, Sourced> components) {
    this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /**
   * Looks up each sourced component of {@code root} (interpolated) in its source pipeline.
   *
   * @throws KilnException E218 if a source is not a directory, E226 if it is not a pipeline,
   *     E210/E211 if its files do not match its manifest, E216 if it has no such component
   */
  public static SourcedComponents lookUp(Section root) {
    Lookup lookup = new Lookup();
    Map<String, Sourced> components = new LinkedHashMap<>();
    componentSections(root).forEach((name, section) -> components.put(name, lookup.component(name, section)));
    return new SourcedComponents(components);
  }

  /** The source pipeline a component section names ({@code source = ...}). */
  public static Path sourceOf(Section section) {
    return Path.of(String.valueOf(section.get(SOURCE)));
  }

  /** Whether {@code name} is one of these components. */
  public boolean has(String name) {
    return components.containsKey(name);
  }

  /** The sourced component {@code name}. */
  public Sourced get(String name) {
    return Objects.requireNonNull(components.get(name), name);
  }

  /** The section each component is built from, by name. */
  public Map<String, Section> sections() {
    Map<String, Section> sections = new LinkedHashMap<>();
    components.forEach((name, sourced) -> sections.put(name, sourced.section()));
    return sections;
  }

  /** Where each component came from, by name. */
  public Map<String, Origin> origins() {
    Map<String, Origin> origins = new LinkedHashMap<>();
    components.forEach((name, sourced) -> origins.put(name, sourced.origin()));
    return origins;
  }

  /** The sections of the sourced components of {@code root}, by name in pipeline order. */
  private static Map<String, Section> componentSections(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    Map<String, Section> sections = new LinkedHashMap<>();
    for (String name : PipelineBuilder.sourcedNames(root)) {
      sections.put(name, components.section(name).orElseThrow());
    }
    return sections;
  }

  /** The component's name in its source pipeline: {@code component = ...}, else its own. */
  private static String nameThere(String name, Section section) {
    return section.get(COMPONENT) instanceof String other ? other : name;
  }

  /** Looks sourced components up, verifying and reading each source pipeline once. */
  private static final class Lookup {
    private final Map<Path, Section> read = new HashMap<>();

    Sourced component(String name, Section section) {
      Path source = sourceOf(section);
      String there = nameThere(name, section);
      Section components = componentsOf(name, source);
      Section original = components.section(there).orElseThrow(() -> new KilnException(
          ErrorCode.E216, name, source, there, String.join(", ", components.keys())));
      Origin origin = new Origin(source.toString(), there);
      // A pipeline saved before saved configs held sourced sections in full still says source = ...
      // there: its section is the one it was sourced from, in turn (its weights are its own).
      Section built = original.has(SOURCE) ? component(there, original).section() : original;
      return new Sourced(built, Optional.of(source.resolve(there)), origin);
    }

    /** The sections of the components of the pipeline {@code source}, verified when first read. */
    private Section componentsOf(String name, Path source) {
      Path key = source.toAbsolutePath().normalize();
      Section known = read.get(key);
      if (known != null) {
        return known;
      }
      if (!Files.isDirectory(source)) {
        throw new KilnException(ErrorCode.E218, name, source);
      }
      PipelineDirectory.verify(source);
      Section components = Config.read(source.resolve(PipelineDirectory.CONFIG)).interpolate().root()
          .section("components").orElseGet(Section::new);
      read.put(key, components);
      return components;
    }
  }
}
