package dev.kiln.train.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Section;
import dev.kiln.train.Component;
import dev.kiln.train.Pipeline;
import dev.kiln.train.PipelineLinked;
import dev.kiln.train.disk.AtomicDirectory;
import dev.kiln.train.disk.Manifest;
import dev.kiln.train.disk.PipelineDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(SourcedComponents.class);
  static final String SOURCE = "source";
  private static final String COMPONENT = "component";
  private static final String REPLACE_LISTENERS = "replace_listeners";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One sourced component.
   *
   * @param section the section it is built from, from its source pipeline's config (interpolated)
   * @param weights the folder its weights are read from when it is built; empty when they are
   *     read afterwards from elsewhere (model-last, when resuming)
   * @param origin where it came from
   */
  public record Sourced(Section section, Optional<Path> weights, Origin origin) {
    /**
     * Whether the source its weights are read from is no longer the version it was looked up in: a
     * run replaced it since (its weights, read now, may be of another version than its section).
     */
    public boolean sourceReplaced() {
      if (weights.isEmpty() || origin.manifestSha256() == null) {
        return false;
      }
      Path version = weights.get().getParent();
      return !AtomicDirectory.readable(Path.of(origin.source())).equals(version)
          || !origin.manifestSha256().equals(fingerprint(version).orElse(null));
    }
  }

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
   * @throws KilnException E218 if a source is not there, E287 if it is not a pipeline kiln saved,
   *     E210/E211 if its files do not match its manifest, E216 if it has no such component,
   *     E286 for spaCy's replace_listeners
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
      refuseReplaceListeners(name, section);
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

  /**
   * Refuses a source inside the output directory: a new run clears that directory, and every run
   * replaces its checkpoints there, so the pipeline a component is taken from would change under
   * it (and a resumed run would find it changed).
   *
   * @throws KilnException E288 naming the component and its source
   */
  public static void refuseSourcesIn(Path output, Section root) {
    Path outputDirectory = canonical(output);
    componentSections(root).forEach((name, section) -> {
      if (canonical(sourceOf(section)).startsWith(outputDirectory)) {
        throw new KilnException(ErrorCode.E288, name, sourceOf(section), output);
      }
    });
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
      Path source = AtomicDirectory.readable(Path.of(origin.source()));
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

  /**
   * Warns of each sourced component that listens to a tok2vec not taken from its own source: it
   * learned on the vectors of its source's tok2vec, and here it listens to whichever tok2vec comes
   * before it, so its predictions start from vectors it never saw. A warning, since training on
   * may be what the user wants (spaCy neither warns nor refuses).
   */
  public void warnOfListenersOnOtherTok2Vecs(Pipeline<?> pipeline) {
    for (Component<?> component : pipeline.components()) {
      Sourced sourced = components.get(component.name());
      if (sourced == null || !(component instanceof PipelineLinked<?> linked)) {
        continue;
      }
      Origin origin = sourced.origin();
      for (String tok2vec : linked.listensTo()) {
        Sourced upstream = components.get(tok2vec);
        if (upstream == null || !canonical(Path.of(upstream.origin().source())).equals(canonical(Path.of(origin.source())))) {
          LOG.warn("component {} was taken from {}, where it learned on the vectors of that pipeline's tok2vec, but here"
              + " it listens to the tok2vec \"{}\", {}: it starts from vectors it was not trained on. Take \"{}\" from {}"
              + " as well (source = \"{}\"), unless training it anew is what you want.", component.name(),
              origin.source(), tok2vec, upstream == null ? "which is new" : "taken from " + upstream.origin().source(),
              tok2vec, origin.source(), origin.source());
        }
      }
    }
  }

  /** {@code path} absolute, normalized, and through its links where it exists. */
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
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

  /** spaCy's replace_listeners, which kiln cannot do yet: E286 rather than a silent no-op. */
  private static void refuseReplaceListeners(String name, Section section) {
    if (section.has(REPLACE_LISTENERS)) {
      String value;
      try {
        value = JSON.writeValueAsString(section.get(REPLACE_LISTENERS));
      } catch (JsonProcessingException e) {
        value = String.valueOf(section.get(REPLACE_LISTENERS));
      }
      throw new KilnException(ErrorCode.E286, name, value, sourceOf(section));
    }
  }

  /** Looks sourced components up, verifying and reading each source pipeline once. */
  private static final class Lookup {
    /**
     * A verified source pipeline: its components' sections, its manifest's SHA-256, and the folder
     * of that version (the source itself, unless a commit of it is between its two renames).
     */
    private record SourcePipeline(Section components, String fingerprint, Path version) {}

    private final Map<Path, SourcePipeline> read = new HashMap<>();
    /** The components being followed down a chain of sources, to refuse one that comes back. */
    private final Set<String> following = new HashSet<>();

    /** The component {@code name} of the config, whose section is {@code section}. */
    Sourced component(String name, Section section) {
      following.clear();
      return follow(name, section, name, sourceOf(section));
    }

    /**
     * The component {@code name} of a config, sourced as {@code section} says: the config's own,
     * or, down a chain, a source pipeline's ({@code asked} and {@code askedSource} are then the
     * config's component and source, for a chain that comes back to itself).
     */
    private Sourced follow(String name, Section section, String asked, Path askedSource) {
      refuseReplaceListeners(name, section);
      Path source = sourceOf(section);
      String there = nameThere(name, section);
      SourcePipeline pipeline = pipeline(name, source);
      Section original = pipeline.components().section(there).orElseThrow(() -> new KilnException(
          ErrorCode.E216, name, source, there, String.join(", ", pipeline.components().keys())));
      Origin origin = new Origin(source.toString(), there, pipeline.fingerprint());
      if (!original.has(SOURCE)) {
        return new Sourced(original, Optional.of(pipeline.version().resolve(there)), origin);
      }
      // A pipeline saved before saved configs held sourced sections in full still says source = ...
      // there: its section is the one it was sourced from, in turn (its weights are its own).
      if (!following.add(source.toAbsolutePath().normalize() + "#" + there)) {
        throw new KilnException(ErrorCode.E287, asked, askedSource, "its config takes the component " + there
            + " from a chain of pipelines that leads back to itself, so it was never trained in any of them");
      }
      return new Sourced(follow(there, original, asked, askedSource).section(),
          Optional.of(pipeline.version().resolve(there)), origin);
    }

    private SourcePipeline pipeline(String name, Path source) {
      Path key = source.toAbsolutePath().normalize();
      SourcePipeline known = read.get(key);
      if (known != null) {
        return known;
      }
      requirePipeline(name, source, AtomicDirectory.readable(source));
      SourcePipeline pipeline = PipelineDirectory.read(source, version -> new SourcePipeline(
          Config.read(version.resolve(PipelineDirectory.CONFIG)).interpolate().root().section("components")
              .orElseGet(Section::new),
          fingerprint(version).orElseThrow(), version));
      read.put(key, pipeline);
      return pipeline;
    }

    /**
     * Refuses a source that is not a pipeline kiln saved, saying what it is instead; {@code version}
     * is where its current version is ({@link AtomicDirectory#readable}).
     *
     * @throws KilnException E218 if there is nothing there, E287 otherwise
     */
    private static void requirePipeline(String name, Path source, Path version) {
      if (!Files.exists(version)) {
        throw new KilnException(ErrorCode.E218, name, source);
      }
      if (!Files.isDirectory(version)) {
        throw new KilnException(ErrorCode.E287, name, source, "it is a file, not a folder");
      }
      if (!Files.isRegularFile(version.resolve(PipelineDirectory.CONFIG))) {
        List<String> inside = new ArrayList<>();
        for (String checkpoint : List.of("model-best", "model-last")) {
          if (Files.isRegularFile(source.resolve(checkpoint).resolve(PipelineDirectory.CONFIG))) {
            inside.add(checkpoint);
          }
        }
        throw new KilnException(ErrorCode.E287, name, source, inside.isEmpty()
            ? "it has no " + PipelineDirectory.CONFIG
            : "it is the output folder of a kiln train run, which holds its pipelines in " + String.join(" and ", inside)
                + " (source = \"" + source.resolve(inside.get(0)) + "\", for one)");
      }
      if (!Files.isRegularFile(version.resolve(Manifest.FILE_NAME))) {
        throw new KilnException(ErrorCode.E287, name, source, "it has a " + PipelineDirectory.CONFIG + " but no "
            + Manifest.FILE_NAME + ", which kiln writes last into every pipeline it saves: it was not saved by kiln (a"
            + " spaCy pipeline? kiln cannot read spaCy's weights), or its saving was cut short");
      }
    }
  }
}
