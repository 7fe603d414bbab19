package dev.kiln.train.build;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registered;
import dev.kiln.config.Section;
import java.util.List;
import java.util.Map;

/**
 * spaCy's {@code scorer} setting of a component, which every config {@code spacy init config}
 * writes ({@code scorer = {"@scorers": "spacy.textcat_scorer.v2"}}). kiln's components always
 * score as spaCy's default scorer of their factory does, so naming that one changes nothing and
 * is accepted; any other scorer would be silently ignored, and is refused (E266). The default
 * scorers are registered, so that resolving a whole config ({@code kiln debug config}) finds them.
 */
public final class SpacyScorers {
  static final String KEY = "scorer";

  /** spaCy's default scorers by factory, the current version first. */
  private static final Map<String, List<String>> DEFAULTS = Map.of(
      "textcat", List.of("spacy.textcat_scorer.v2", "spacy.textcat_scorer.v1"),
      "textcat_multilabel", List.of("spacy.textcat_multilabel_scorer.v2", "spacy.textcat_multilabel_scorer.v1"),
      "tagger", List.of("spacy.tagger_scorer.v1"),
      "ner", List.of("spacy.ner_scorer.v1"),
      "sentencizer", List.of("spacy.senter_scorer.v1"));

  private SpacyScorers() {}

  /** A spaCy default scorer named in a config; the component it belongs to does the scoring. */
  public record DefaultScorer(String name) {}

  @Registered(category = "scorers", name = "spacy.textcat_scorer.v2")
  public static DefaultScorer textcatV2() {
    return new DefaultScorer("spacy.textcat_scorer.v2");
  }

  @Registered(category = "scorers", name = "spacy.textcat_scorer.v1")
  public static DefaultScorer textcatV1() {
    return new DefaultScorer("spacy.textcat_scorer.v1");
  }

  @Registered(category = "scorers", name = "spacy.textcat_multilabel_scorer.v2")
  public static DefaultScorer textcatMultilabelV2() {
    return new DefaultScorer("spacy.textcat_multilabel_scorer.v2");
  }

  @Registered(category = "scorers", name = "spacy.textcat_multilabel_scorer.v1")
  public static DefaultScorer textcatMultilabelV1() {
    return new DefaultScorer("spacy.textcat_multilabel_scorer.v1");
  }

  @Registered(category = "scorers", name = "spacy.tagger_scorer.v1")
  public static DefaultScorer tagger() {
    return new DefaultScorer("spacy.tagger_scorer.v1");
  }

  @Registered(category = "scorers", name = "spacy.ner_scorer.v1")
  public static DefaultScorer ner() {
    return new DefaultScorer("spacy.ner_scorer.v1");
  }

  @Registered(category = "scorers", name = "spacy.senter_scorer.v1")
  public static DefaultScorer senter() {
    return new DefaultScorer("spacy.senter_scorer.v1");
  }

  /**
   * Whether {@code key = value} of a component section is spaCy's default scorer of its factory,
   * which the factory's own scoring already is.
   *
   * @throws KilnException E266 for a scorer setting of a factory with a spaCy default that names another
   */
  static boolean isOwnDefault(String component, String factory, String key, Object value) {
    List<String> defaults = DEFAULTS.get(factory);
    if (!key.equals(KEY) || defaults == null) {
      return false;
    }
    Object name = value instanceof Section section ? section.get("@scorers")
        : value instanceof Map<?, ?> map ? map.get("@scorers") : null;
    if (!defaults.contains(name)) {
      throw new KilnException(ErrorCode.E266, component,
          name instanceof String text ? text : String.valueOf(value), factory, defaults.get(0));
    }
    return true;
  }
}
