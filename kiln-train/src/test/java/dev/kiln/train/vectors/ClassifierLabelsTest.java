package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.nn.array.Floats;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A classifier's labels given at initialize ([initialize.components.NAME] labels). */
class ClassifierLabelsTest {
  private static Classifier classifier() {
    String config = """
        [nlp]
        pipeline = ["classifier"]

        [components]

        [components.classifier]
        factory = "kiln.classifier"

        [components.classifier.model]
        @layers = "chain.v1"

        [components.classifier.model.*.hidden]
        @layers = "Relu.v1"
        nO = 8

        [components.classifier.model.*.output]
        @layers = "Softmax.v1"
        """;
    Pipeline<Labeled> pipeline = PipelineBuilder.build(Config.parse(config, "config.cfg").interpolate().root(),
        Registries.load());
    return (Classifier) pipeline.component("classifier");
  }

  private static List<Example<Labeled>> examples(String... labels) {
    SplittableRandom random = new SplittableRandom(3);
    List<Example<Labeled>> examples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      float[] features = {(float) random.nextDouble(), (float) random.nextDouble(), (float) random.nextDouble()};
      examples.add(Labeled.example(new FeatureVector.Dense(features), labels[i % labels.length]));
    }
    return examples;
  }

  private static Map<String, float[]> weights(Classifier classifier) {
    Map<String, float[]> weights = new TreeMap<>();
    classifier.model().paramsByKey().forEach((key, value) -> weights.put(key, value.data().clone()));
    return weights;
  }

  @Test
  void givenLabelsEqualToTheDatasMakeTheSameModelWhateverTheirOrder() {
    List<Example<Labeled>> examples = examples("cat", "dog", "bird");
    Classifier fromData = classifier();
    fromData.initialize(() -> examples, 7);
    Classifier given = classifier();
    given.initialize(() -> examples, 7, LabelSource.given(List.of("dog", "bird", "cat"), "labels.json"));

    assertThat(given.labels()).isEqualTo(fromData.labels()).containsExactly("bird", "cat", "dog");
    assertThat(weights(given)).hasSameSizeAs(weights(fromData));
    weights(fromData).forEach((key, values) -> assertThat(Arrays.equals(weights(given).get(key), values)).as(key).isTrue());
    assertThat(given.labelsIn(examples)).isEqualTo(fromData.labels());
  }

  @Test
  void givenLabelsMayNameClassesTheDataLacks() {
    Classifier classifier = classifier();
    classifier.initialize(() -> examples("cat", "dog"), 7, LabelSource.given(List.of("cat", "dog", "yeti"), "x"));

    assertThat(classifier.labels()).containsExactly("cat", "dog", "yeti");
    Floats scores = classifier.model().predict(Floats.zeros(1, 3));
    assertThat(scores.cols()).isEqualTo(3);
  }

  @Test
  void aTrainingLabelOutsideTheGivenLabelsIsRefusedAtInitializeNamingTheRecord() {
    Classifier classifier = classifier();

    assertThatThrownBy(() -> classifier.initialize(() -> examples("cat", "dog", "yeti"), 7,
        LabelSource.given(List.of("cat", "dog"), "labels/classifier.json")))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E261] component classifier: record 3 of the training corpus has the label \"yeti\","
            + " which the labels given to it (labels/classifier.json) lack");
  }
}
