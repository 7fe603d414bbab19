package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's score weights, combined from the components' defaults and the config as spaCy does. */
class ScoreWeightsTest {
  private static final Map<String, Double> TAGGER = Map.of("tag_acc", 1.0);
  private static final Map<String, Double> NER = ner();

  private static Map<String, Double> ner() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("ents_f", 1.0);
    weights.put("ents_p", 0.0);
    weights.put("ents_r", 0.0);
    weights.put("ents_per_type", null);
    return weights;
  }

  private static Map<String, Double> weights(Object... metricsAndWeights) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < metricsAndWeights.length; i += 2) {
      weights.put((String) metricsAndWeights[i], (Double) metricsAndWeights[i + 1]);
    }
    return weights;
  }

  @Test
  void theComponentsDefaultsAreNormalisedToSumToOne() {
    assertThat(ScoreWeights.combine(List.of(TAGGER, NER), Map.of())).containsExactlyEntriesOf(
        weights("tag_acc", 0.5, "ents_f", 0.5, "ents_p", 0.0, "ents_r", 0.0, "ents_per_type", null));
  }

  @Test
  void configuredWeightsGoOverTheDefaultsOfTheOtherComponentsRatherThanReplacingThem() {
    assertThat(ScoreWeights.combine(List.of(TAGGER, NER), Map.of("ents_f", Optional.of(3.0))))
        .containsExactlyEntriesOf(weights("tag_acc", 0.25, "ents_f", 0.75, "ents_p", 0.0, "ents_r", 0.0,
            "ents_per_type", null));
    assertThat(ScoreWeights.combine(List.of(TAGGER, NER), Map.of("tag_acc", Optional.empty())))
        .as("a default is left out by a null (or 0) weight")
        .containsEntry("tag_acc", null).containsEntry("ents_f", 1.0);
  }

  @Test
  void weightsAreRoundedToTwoDecimalsAsSpacysAre() {
    Map<String, Double> textcat = Map.of("cats_score", 1.0);
    assertThat(ScoreWeights.combine(List.of(textcat, TAGGER, NER), Map.of()))
        .containsEntry("cats_score", 0.33).containsEntry("tag_acc", 0.33).containsEntry("ents_f", 0.33);
  }
}
