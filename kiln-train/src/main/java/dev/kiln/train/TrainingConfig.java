package dev.kiln.train;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.Filler;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.train.build.ComponentSections;
import dev.kiln.train.build.NlpSection;
import dev.kiln.train.build.PipelineBuilder;
import dev.kiln.train.build.SourcedComponents;
import dev.kiln.train.init.InitializeSection;
import dev.kiln.train.init.InitializeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A training config with every default filled in: the components (spaCy's factory sections),
 * the corpora, {@code [training]} and, when there is one, {@code [initialize]}. Its text, with
 * references kept as written, is what every checkpoint saves as {@code config.cfg}, so saved
 * configs have no hidden defaults.
 */
public final class TrainingConfig {
  /**
   * The top-level sections a run reads itself. Any other ({@code [system]}, a user's
   * {@code [vars]}) only gives values to the references that name it, so it counts only through
   * them.
   */
  static final Set<String> READ_SECTIONS = Set.of(
      "nlp", "components", "corpora", "training", "distillation", "initialize", "paths");

  private final Section root;
  private final String text;
  private final String source;

  private TrainingConfig(Section root, String text, String source) {
    this.root = root;
    this.text = text;
    this.source = source;
  }

  /**
   * Applies {@code overrides} to {@code config} and fills it. An override may name a key the
   * config leaves to its default (such as a reader's {@code limit}): those are applied once the
   * defaults are written, as is a weight of a score {@code [training.score_weights]} does not list
   * yet (see {@link ScoreWeightOverrides}); a key that is neither written nor a default is an error
   * (E024).
   */
  public static TrainingConfig fill(Config config, Map<String, Object> overrides, Registries registries) {
    try {
      return filled(config, overrides, registries);
    } catch (KilnException e) {
      throw e.inConfig(config.sourceName());
    }
  }

  private static TrainingConfig filled(Config config, Map<String, Object> overrides, Registries registries) {
    Map<String, Object> written = new LinkedHashMap<>();
    Map<String, Object> defaulted = new LinkedHashMap<>();
    overrides.forEach((key, value) -> {
      try {
        // Not Map.of: a value may be null (--components.tagger.model.nO null), as in the config.
        config.withOverrides(Collections.singletonMap(key, value));
        written.put(key, value);
      } catch (KilnException notWritten) {
        defaulted.put(key, value);
      }
    });
    Config overridden = config.withOverrides(written);
    if (defaulted.isEmpty()) {
      return fill(overridden, registries);
    }
    Config withDefaults = Config.parse(fill(overridden, registries).text(), config.sourceName());
    return fill(ScoreWeightOverrides.apply(withDefaults, defaulted), registries);
  }

  /** Fills {@code config} (overrides already applied) and checks every registered call in it. */
  public static TrainingConfig fill(Config config, Registries registries) {
    Section interpolated = config.interpolate().root();
    InitializeSection.of(interpolated, config.sourceName()).checkKeys();
    NlpSection.check(interpolated, config.sourceName());
    Section withPromises = interpolated.copy();
    // spaCy merges its defaults into calls of the same function before anything is filled.
    withPromises.section("training").ifPresent(training ->
        withPromises.put("training", Filler.mergeDefaultsAs(training, TrainingSettings.class), withPromises.lineOf("training")));
    withPromises.section("distillation").ifPresent(distillation ->
        withPromises.put("distillation", Filler.mergeDefaultsAs(distillation, DistillSettings.class),
            withPromises.lineOf("distillation")));
    Section components = withPromises.section("components").orElse(null);
    if (components != null) {
      for (String name : PipelineBuilder.componentNames(interpolated)) {
        Section section = components.section(name).orElseThrow();
        if (section.has("source") && section.has("factory")) {
          // spaCy builds it from the factory and drops the source without a word.
          throw new KilnException(ErrorCode.E291, config.sourceName(), name, section.get("factory"),
              section.get("source"), section.lineOf("source"));
        }
        if (!section.has("source")) {
          components.put(name, ComponentSections.toPromise(name, section, registries));
        }
      }
    }
    Section filled = Filler.fill(withPromises, registries);
    filled.section("training").ifPresent(training ->
        filled.put("training", Filler.fillAs(training, TrainingSettings.class, registries)));
    filled.section("distillation").ifPresent(distillation ->
        filled.put("distillation", Filler.fillAs(distillation, DistillSettings.class, registries)));
    // Only a config that has [initialize] gets its defaults: one without it keeps its text, and so
    // the config hash its saved models and resumable runs were made with.
    filled.section("initialize").ifPresent(initialize ->
        filled.put("initialize", Filler.fillAs(initialize, InitializeSettings.class, registries)));
    filled.section("components").ifPresent(filledComponents -> {
      Section original = interpolated.section("components").orElseThrow();
      for (String name : List.copyOf(filledComponents.keys())) {
        Section section = original.section(name).orElseThrow();
        if (!section.has("source")) {
          filledComponents.put(name, ComponentSections.toFactoryForm(section, filledComponents.section(name).orElseThrow()));
        }
      }
    });
    return new TrainingConfig(filled, config.withDefaultsFrom(filled).toString(), config.sourceName());
  }

  /** The filled, interpolated tree. */
  public Section root() {
    return root.copy();
  }

  /** The filled config as text, references as written: what checkpoints save. */
  public String text() {
    return text;
  }

  /** The file the config was read from, for messages. */
  public String source() {
    return source;
  }

  /** The {@code [training]} section, resolved (this calls the optimizer, batcher, logger... factories). */
  public TrainingSettings settings(Registries registries) {
    return Resolver.resolveAs(root.section("training").orElseGet(Section::new), List.of("training"), TrainingSettings.class,
        registries);
  }

  /** The {@code [distillation]} section, resolved. */
  public DistillSettings distillSettings(Registries registries) {
    if (root.section("distillation").isEmpty()) {
      throw new KilnException(ErrorCode.E246);
    }
    return Resolver.resolveAs(root.section("distillation").orElseGet(Section::new), List.of("distillation"),
        DistillSettings.class, registries);
  }

  /**
   * The data the run depends on: the values of {@code [paths]}, then each corpus's {@code path}
   * that [paths] does not already give (a corpus may name its file itself, not through
   * {@code ${paths.train}}); each once, in that order. A [paths] value that a component is
   * sourced from ({@code source = ${paths.base_model}}) is a pipeline, not data: meta.json
   * records it under "sourced", and a resumed run does not read it again.
   */
  public List<Path> dataPaths() {
    Set<String> texts = new LinkedHashSet<>();
    Set<Path> sources = sourceDirectories();
    root.section("paths").ifPresent(section -> section.entries().values().forEach(value -> {
      if (value instanceof String text && !text.isBlank() && !sources.contains(Path.of(text).toAbsolutePath().normalize())) {
        texts.add(text);
      }
    }));
    root.section("corpora").ifPresent(corpora -> corpora.entries().values().forEach(corpus -> {
      if (corpus instanceof Section reader && reader.entries().get("path") instanceof String text && !text.isBlank()) {
        texts.add(text);
      }
    }));
    List<Path> paths = new ArrayList<>();
    texts.forEach(text -> paths.add(Path.of(text)));
    return paths;
  }

  private Set<Path> sourceDirectories() {
    Set<Path> sources = new HashSet<>();
    Section components = root.section("components").orElseGet(Section::new);
    for (String name : PipelineBuilder.sourcedNames(root)) {
      sources.add(SourcedComponents.sourceOf(components.section(name).orElseThrow()).toAbsolutePath().normalize());
    }
    return sources;
  }
}
