package dev.kiln.train.build;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Section;
import dev.kiln.train.disk.Manifest;
import dev.kiln.train.disk.PipelineDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * saved configs held sourced sections in full. A resumed run takes its sourced components from
 * {@code model-last} instead ({@link #resumed}): it holds their sections and weights, so the
 * sources may be gone, and a source that changed since is not mixed in.
 */
public final class SourcedComponents {
  static final String SOURCE = "source";
  private static final String COMPONENT = "component";

  /**
   * One sourced component.
   *
   * @param section the section it is built from, from its source pipeline's config (interpolated)
   * @param weights the folder its weights are read from when it is built; empty when they are
   *     read afterwards from elsewhere (model-last, when resuming)
   * @param origin where it came from
   */
  public record Sourced(Section section, Optional<Path> weights, Origin origin) {}

  /**
   * Where a sourced component came from, as {@code meta.json} records it under {@code "sourced"}.
   *
   * @param source the source pipeline's directory, as the config named it
   * @param component the component's name there
   * @param manifestSha256 the SHA-256 of the source's {@code manifest.json} (which lists the
   *     SHA-256 of each of its files) when it was sourced; null if not recorded (a pipeline saved
   *     by an earlier kiln)
   */
  public record Origin(String source, String component, String manifestSha256) {
    /** As JSON-ready values for {@code meta.json}. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(SOURCE, source);
      map.put(COMPONENT, component);
      if (manifestSha256 != null) {
        map.put("manifest_sha256", manifestSha256);
      }
      return map;
    }

    static Origin fromMap(Map<?, ?> map) {
      return new Origin(String.valueOf(map.get(SOURCE)), String.valueOf(map.get(COMPONENT)),
          map.get("manifest_sha256") instanceof String sha ? sha : null);
    }
  }

  private final Map<String, Sourced> components;
  private final List<String> configChanges;

  private SourcedComponents(Map<String, Sourced> components, List<String> configChanges) {
    this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    this.configChanges = List.copyOf(configChanges);
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
    return new SourcedComponents(components, List.of());
  }

  /**
   * The sourced components of {@code root} (interpolated) for a run resumed from {@code saved}
   * (its model-last, verified): each as saved there, with the origin its {@code savedMeta}
   * records, none read from its source. A component that {@code saved} does not hold in full
   * (sourced only since, or saved by an earlier kiln) is looked up in its source.
   */
  public static SourcedComponents resumed(Section root, Path saved, Map<String, Object> savedMeta) {
    Section savedComponents = Config.read(saved.resolve(PipelineDirectory.CONFIG)).interpolate().root()
        .section("components").orElseGet(Section::new);
    Map<?, ?> savedOrigins = savedMeta.get("sourced") instanceof Map<?, ?> map ? map : Map.of();
    Lookup lookup = new Lookup();
    Map<String, Sourced> components = new LinkedHashMap<>();
    List<String> configChanges = new ArrayList<>();
    componentSections(root).forEach((name, section) -> {
      Optional<Section> kept = savedComponents.section(name).filter(savedSection -> !savedSection.has(SOURCE));
      if (kept.isEmpty()) {
        components.put(name, lookup.component(name, section));
        return;
      }
      Origin configured = new Origin(sourceOf(section).toString(), nameThere(name, section), null);
      Origin origin = savedOrigins.get(name) instanceof Map<?, ?> recorded ? Origin.fromMap(recorded) : configured;
      if (!origin.source().equals(configured.source())) {
        configChanges.add("components." + name + ".source: \"" + origin.source() + "\" -> \"" + configured.source() + "\"");
      }
      if (!origin.component().equals(configured.component())) {
        configChanges.add("components." + name + ".component: \"" + origin.component() + "\" -> \""
            + configured.component() + "\"");
      }
      components.put(name, new Sourced(kept.get(), Optional.empty(), origin));
    });
    return new SourcedComponents(components, configChanges);
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

  /**
   * How the config's {@code source} and {@code component} keys differ from those the resumed run
   * started with, as {@code ConfigDiff} words them ({@code components.ner.source: "a" -> "b"}):
   * model-last holds the components in place of those keys, so a diff of configs cannot show it.
   */
  public List<String> configChanges() {
    return configChanges;
  }

  /**
   * The sources that are still there but no longer the pipelines their components were taken
   * from (their manifest changed), in words; a source that is gone is no change, since nothing is
   * read from it again.
   */
  public List<String> changedSources() {
    Map<String, List<String>> bySource = new LinkedHashMap<>();
    components.forEach((name, sourced) -> {
      Origin origin = sourced.origin();
      Path source = Path.of(origin.source());
      if (origin.manifestSha256() != null && Files.isDirectory(source)
          && !origin.manifestSha256().equals(fingerprint(source).orElse(null))) {
        bySource.computeIfAbsent(origin.source(), key -> new ArrayList<>()).add(name);
      }
    });
    List<String> changes = new ArrayList<>();
    bySource.forEach((source, names) -> {
      String them = names.size() == 1 ? "it" : "them";
      changes.add("the pipeline " + source + " that " + String.join(" and ", names) + (names.size() == 1 ? " was" : " were")
          + " taken from changed since (its manifest.json differs): model-last holds " + them + " as taken and trained"
          + " since, and a resumed run goes on from there");
    });
    return changes;
  }

  /** The SHA-256 of the pipeline's {@code manifest.json}, if it has one. */
  static Optional<String> fingerprint(Path pipeline) {
    Path manifest = pipeline.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Manifest.sha256(manifest));
    } catch (IOException e) {
      return Optional.empty();
    }
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
    /** A verified source pipeline: its components' sections and its manifest's SHA-256. */
    private record SourcePipeline(Section components, String fingerprint) {}

    private final Map<Path, SourcePipeline> read = new HashMap<>();

    Sourced component(String name, Section section) {
      Path source = sourceOf(section);
      String there = nameThere(name, section);
      SourcePipeline pipeline = pipeline(name, source);
      Section original = pipeline.components().section(there).orElseThrow(() -> new KilnException(
          ErrorCode.E216, name, source, there, String.join(", ", pipeline.components().keys())));
      Origin origin = new Origin(source.toString(), there, pipeline.fingerprint());
      // A pipeline saved before saved configs held sourced sections in full still says source = ...
      // there: its section is the one it was sourced from, in turn (its weights are its own).
      Section built = original.has(SOURCE) ? component(there, original).section() : original;
      return new Sourced(built, Optional.of(source.resolve(there)), origin);
    }

    private SourcePipeline pipeline(String name, Path source) {
      Path key = source.toAbsolutePath().normalize();
      SourcePipeline known = read.get(key);
      if (known != null) {
        return known;
      }
      if (!Files.isDirectory(source)) {
        throw new KilnException(ErrorCode.E218, name, source);
      }
      PipelineDirectory.verify(source);
      Section components = Config.read(source.resolve(PipelineDirectory.CONFIG)).interpolate().root()
          .section("components").orElseGet(Section::new);
      SourcePipeline pipeline = new SourcePipeline(components, fingerprint(source).orElseThrow());
      read.put(key, pipeline);
      return pipeline;
    }
  }
}
