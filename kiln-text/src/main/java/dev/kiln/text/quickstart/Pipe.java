package dev.kiln.text.quickstart;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Suggestions;
import dev.kiln.text.sents.SentenceScores;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A component {@code kiln init config} can put in a pipeline, with its template and spaCy's
 * default score weights for it (null: reported, not weighed).
 */
public enum Pipe {
  TEXTCAT(true, weights("cats_score", 1.0)),
  TEXTCAT_MULTILABEL(true, weights("cats_score", 1.0)),
  TAGGER(false, weights("tag_acc", 1.0)),
  NER(false, weights("ents_f", 1.0, "ents_p", 0.0, "ents_r", 0.0, "ents_per_type", null)),
  SENTENCIZER(false, SentenceScores.DEFAULT_WEIGHTS);

  private final boolean hasEfficiencyVariant;
  private final Map<String, Double> defaultScoreWeights;

  Pipe(boolean hasEfficiencyVariant, Map<String, Double> defaultScoreWeights) {
    this.hasEfficiencyVariant = hasEfficiencyVariant;
    this.defaultScoreWeights = defaultScoreWeights;
  }

  /**
   * The pipe a name on the command line means.
   *
   * @throws KilnException E339 listing the known names, with a "did you mean"
   */
  public static Pipe parse(String name) {
    for (Pipe pipe : values()) {
      if (pipe.componentName().equals(name)) {
        return pipe;
      }
    }
    List<String> known = Arrays.stream(values()).map(Pipe::componentName).toList();
    throw new KilnException(ErrorCode.E339, name, String.join(", ", known), Suggestions.didYouMean(name, known));
  }

  /** The component's name and factory: {@code textcat}, {@code ner}, ... */
  public String componentName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** spaCy's default score weights of this component, in its order. */
  public Map<String, Double> defaultScoreWeights() {
    return defaultScoreWeights;
  }

  /** Whether the component listens to the shared tok2vec when the config favours {@code optimize}. */
  boolean listens(Optimize optimize) {
    return switch (this) {
      case TAGGER, NER -> true;
      case TEXTCAT, TEXTCAT_MULTILABEL -> optimize == Optimize.ACCURACY;
      case SENTENCIZER -> false;
    };
  }

  /** The resource holding the component's sections. */
  String template(Optimize optimize) {
    return hasEfficiencyVariant ? componentName() + "-" + optimize.configName() + ".cfg" : componentName() + ".cfg";
  }

  private static Map<String, Double> weights(Object... keysAndValues) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int k = 0; k < keysAndValues.length; k += 2) {
      weights.put((String) keysAndValues[k], (Double) keysAndValues[k + 1]);
    }
    return Collections.unmodifiableMap(weights);
  }
}
