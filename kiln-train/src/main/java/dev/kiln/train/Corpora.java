package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every reader under {@code [corpora]}, resolved, found by spaCy's dot names ({@code corpora.dev}). */
final class Corpora<D extends Datum> {
  private final Map<String, Corpus<D>> byName;
  private final Section root;

  private Corpora(Map<String, Corpus<D>> byName, Section root) {
    this.byName = byName;
    this.root = root;
  }

  static <D extends Datum> Corpora<D> resolve(Section root, Registries registries) {
    Map<String, Corpus<D>> byName = new LinkedHashMap<>();
    root.section("corpora").ifPresent(corpora -> {
      Section wrapper = new Section();
      wrapper.put("corpora", corpora);
      collect("corpora", Resolver.resolve(wrapper, registries).get("corpora"), byName);
    });
    return new Corpora<>(byName, root);
  }

  /**
   * The corpus at {@code dotName} as messages name it: the dot name, and the path its reader
   * reads when its section has one ({@code corpora.dev (path "data/dev.csv")}).
   */
  String describe(String dotName) {
    return root.section(List.of(dotName.split("\\.")))
        .filter(section -> section.has("path"))
        .map(section -> dotName + " (path \"" + section.get("path") + "\")")
        .orElse(dotName);
  }

  /**
   * Adds the reader at {@code dotName}, or those of a section grouping readers
   * ({@code [corpora.extra.test]} is {@code corpora.extra.test}).
   *
   * @throws KilnException E215 for anything else (an empty section, a plain value)
   */
  @SuppressWarnings("unchecked")
  private static <D extends Datum> void collect(String dotName, Object value, Map<String, Corpus<D>> byName) {
    if (value instanceof Corpus<?> corpus) {
      byName.put(dotName, (Corpus<D>) corpus);
    } else if (value instanceof Map<?, ?> section && !section.isEmpty()) {
      section.forEach((name, inner) -> collect(dotName + "." + name, inner, byName));
    } else if (!dotName.equals("corpora")) {
      throw new KilnException(ErrorCode.E215, dotName);
    }
  }

  /**
   * The corpus a setting names.
   *
   * @throws KilnException E223 naming the setting when there is no such corpus
   */
  Corpus<D> get(String setting, String dotName) {
    Corpus<D> corpus = byName.get(dotName);
    if (corpus == null) {
      throw new KilnException(ErrorCode.E223, setting, dotName);
    }
    return corpus;
  }

  /**
   * The extra evaluation corpora by the prefix their scores get: the dot name after
   * {@code corpora.}, dots as underscores ({@code corpora.test}: {@code test};
   * {@code corpora.sub.test}: {@code sub_test}).
   */
  Map<String, Corpus<D>> extra(List<String> dotNames) {
    Map<String, Corpus<D>> extra = new LinkedHashMap<>();
    for (String dotName : dotNames) {
      extra.put(prefixOf(dotName), get("extra_corpora", dotName));
    }
    return extra;
  }

  /** The prefix of an extra evaluation corpus's scores; see {@link #extra}. */
  static String prefixOf(String dotName) {
    return dotName.replaceFirst("^corpora\\.", "").replace('.', '_');
  }
}
