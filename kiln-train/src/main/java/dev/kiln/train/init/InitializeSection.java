package dev.kiln.train.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.RegisteredFunction;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.config.Suggestions;
import dev.kiln.train.Component;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config's {@code [initialize]} section, spaCy's settings of {@code nlp.initialize()}: checked
 * against the pipeline when a run is built, before any data is read, and resolved only when the
 * pipeline is initialized, so that a resumed run, whose components have their labels, reads no
 * labels file.
 *
 * <p>Nothing in it is ignored: a spaCy key kiln cannot act on (static vectors, pretrained tok2vec
 * weights, vocabulary data, lookups, tokenizer settings) must be null or empty, and a component's
 * section may only give the {@code labels} of a component that has labels and is initialized.
 */
public final class InitializeSection {
  /** The keyword of a component's {@code initialize} that gives its labels. */
  static final String LABELS = "labels";
  private static final String COMPONENTS = "components";
  private static final List<String> TAKEN = List.of("before_init", "after_init", COMPONENTS);
  /** spaCy's keys kiln has nothing to do with, each with why; accepted when null or empty. */
  private static final Map<String, String> UNSUPPORTED = unsupported();
  /** spaCy's keywords of a component's initialize that kiln takes elsewhere, with where. */
  private static final Map<String, String> ELSEWHERE = Map.of("positive_label",
      "kiln takes positive_label in [components.%s], where it is saved with the component: move it there.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Section section;
  private final String source;

  private InitializeSection(Section section, String source) {
    this.section = section;
    this.source = source;
  }

  /** The {@code [initialize]} section of {@code root} (interpolated and filled), empty if it has none. */
  public static InitializeSection of(Section root, String source) {
    return new InitializeSection(root.section("initialize").orElseGet(Section::new), source);
  }

  private static Map<String, String> unsupported() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("vectors", "kiln does not support static word vectors yet, so it has none to load.");
    reasons.put("init_tok2vec", "kiln cannot load pretrained tok2vec weights (spacy pretrain) yet.");
    reasons.put("vocab_data", "kiln's tokenizer has no vocabulary to load data into.");
    reasons.put("lookups", "kiln's tokenizer has no lookup tables.");
    reasons.put("tokenizer", "kiln's tokenizer takes no settings at initialize.");
    return reasons;
  }

  /**
   * Checks the section's own keys, which needs no pipeline: before the config is filled, so that a
   * spaCy setting kiln does not support is reported as such, not as a function kiln lacks.
   *
   * @throws KilnException E255 for a spaCy setting kiln does not support, E256 for an unknown key
   */
  public void checkKeys() {
    for (Map.Entry<String, Object> entry : section.entries().entrySet()) {
      String key = entry.getKey();
      if (UNSUPPORTED.containsKey(key)) {
        if (!isEmpty(entry.getValue())) {
          throw new KilnException(ErrorCode.E255, source, key, text(entry.getValue()), UNSUPPORTED.get(key));
        }
      } else if (!TAKEN.contains(key)) {
        List<String> known = new ArrayList<>(TAKEN);
        known.addAll(UNSUPPORTED.keySet());
        throw new KilnException(ErrorCode.E256, source, key, Suggestions.didYouMean(key, known));
      }
    }
  }

  /**
   * Checks every key against what kiln does ({@link #checkKeys}) and the {@code pipeline}'s
   * components.
   *
   * @param notInitialized the components this run does not initialize, each with why (sourced, frozen...)
   * @throws KilnException as {@link #checkKeys}; E257 for a component not in the pipeline, E258 for a keyword its
   *     initialize does not take, E259 for labels of a component not initialized, E260 for labels that are not a
   *     list of names or a labels reader
   */
  public void check(List<? extends Component<?>> pipeline, Map<String, String> notInitialized, Registries registries) {
    checkKeys();
    if (section.has(COMPONENTS)) {
      checkComponents(section.get(COMPONENTS), pipeline, notInitialized, registries);
    }
  }

  private void checkComponents(Object value, List<? extends Component<?>> pipeline, Map<String, String> notInitialized,
      Registries registries) {
    Map<String, Component<?>> byName = new LinkedHashMap<>();
    pipeline.forEach(component -> byName.put(component.name(), component));
    for (Map.Entry<String, Object> entry : entries(value, "initialize -> components").entrySet()) {
      String name = entry.getKey();
      Component<?> component = byName.get(name);
      if (component == null) {
        throw new KilnException(ErrorCode.E257, source, name, String.join(", ", byName.keySet()),
            Suggestions.didYouMean(name, byName.keySet()));
      }
      Map<String, Object> settings = entries(entry.getValue(), "initialize -> components -> " + name);
      for (Map.Entry<String, Object> setting : settings.entrySet()) {
        checkSetting(component, setting.getKey(), setting.getValue(), notInitialized, registries);
      }
    }
  }

  private void checkSetting(Component<?> component, String key, Object value, Map<String, String> notInitialized,
      Registries registries) {
    String name = component.name();
    if (!(component instanceof Labelled<?>) || !key.equals(LABELS)) {
      String takes = component instanceof Labelled<?> ? LABELS : "no settings";
      String hint = ELSEWHERE.containsKey(key) ? ELSEWHERE.get(key).formatted(name) : "Remove it.";
      throw new KilnException(ErrorCode.E258, source, name, key, takes, hint);
    }
    if (notInitialized.containsKey(name)) {
      throw new KilnException(ErrorCode.E259, source, name, notInitialized.get(name));
    }
    checkLabels(name, value, registries);
  }

  /** Labels may be null (the data's), a non-empty list of names, or a call of a function that gives labels. */
  private void checkLabels(String name, Object value, Registries registries) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
        throw new KilnException(ErrorCode.E260, source, name, list.isEmpty() ? "an empty list" : text(list));
      }
      return;
    }
    Optional<RegisteredFunction> called = call(value, registries);
    if (called.isEmpty()) {
      throw new KilnException(ErrorCode.E260, source, name, text(value));
    }
    Class<?> gives = called.get().method().getReturnType();
    if (!LabelSource.class.isAssignableFrom(gives)) {
      throw new KilnException(ErrorCode.E260, source, name,
          "a call of " + called.get().name() + ", which gives a " + gives.getSimpleName());
    }
  }

  /** The registered function a section or inline object calls, if it is a call of a known one. */
  private static Optional<RegisteredFunction> call(Object value, Registries registries) {
    Map<String, Object> entries = value instanceof Section s ? s.entries()
        : value instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      if (entry.getKey().startsWith("@") && entry.getValue() instanceof String function) {
        return registries.find(entry.getKey().substring(1), function);
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves the section: calls the callbacks' factories and the labels readers, which read their
   * files now.
   *
   * @throws KilnException E042 naming the config file, listing what failed with its path
   */
  public InitializeSettings resolve(Registries registries) {
    Section taken = new Section(section.line());
    for (String key : TAKEN) {
      if (section.has(key)) {
        taken.put(key, section.get(key), section.lineOf(key));
      }
    }
    try {
      return Resolver.resolveAs(taken, List.of("initialize"), InitializeSettings.class, registries);
    } catch (KilnException e) {
      throw e.inConfig(source);
    }
  }

  /** A section or object's entries; null is none, anything else is not a section (E047). */
  private static Map<String, Object> entries(Object value, String path) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Section s) {
      return s.entries();
    }
    if (value instanceof Map<?, ?> map) {
      return stringKeys(map);
    }
    throw new KilnException(ErrorCode.E047, path, "a section", text(value));
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> entries = new LinkedHashMap<>();
    map.forEach((key, inner) -> entries.put(String.valueOf(key), inner));
    return entries;
  }

  /** spaCy's unset values: null, and an empty section or object ({@code [initialize.tokenizer]}). */
  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof Section s && s.keys().isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  private static String text(Object value) {
    if (value instanceof Section s) {
      return "a section with " + String.join(", ", s.keys());
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
