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

  private Corpora(Map<String, Corpus<D>> byName) {
    this.byName = byName;
  }

  @SuppressWarnings("unchecked")
  static <D extends Datum> Corpora<D> resolve(Section root, Registries registries) {
    Map<String, Corpus<D>> byName = new LinkedHashMap<>();
    root.section("corpora").ifPresent(corpora -> {
      Section wrapper = new Section();
      wrapper.put("corpora", corpora);
      Map<String, Object> resolved = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("corpora");
      resolved.forEach((name, corpus) -> byName.put("corpora." + name, (Corpus<D>) corpus));
    });
    return new Corpora<>(byName);
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

  /** The extra evaluation corpora by the prefix their scores get ({@code corpora.test}: {@code test}). */
  Map<String, Corpus<D>> extra(List<String> dotNames) {
    Map<String, Corpus<D>> extra = new LinkedHashMap<>();
    for (String dotName : dotNames) {
      extra.put(dotName.substring(dotName.lastIndexOf('.') + 1), get("extra_corpora", dotName));
    }
    return extra;
  }
}
