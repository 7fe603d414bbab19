package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.Scripted.Doc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
  @Test
  void frozenComponentsAreNotUpdatedAndAnnotatingOnesFeedLaterComponents() {
    Scripted.Component first = new Scripted.Component("first", 1.0);
    Scripted.Component frozen = new Scripted.Component("frozen", 1.0);
    Scripted.Component last = new Scripted.Component("last", 1.0);
    Pipeline<Doc> pipeline = new Pipeline<>(List.of(first, frozen, last));
    Scripted.CountingOptimizer optimizer = new Scripted.CountingOptimizer();

    pipeline.update(Scripted.examples(1, 2), 0.0, new LossTotals(), Set.of("frozen"), Set.of("first", "frozen"));
    pipeline.finishUpdate(optimizer, Set.of("frozen"));

    assertThat(frozen.updatedLengths).isEmpty();
    assertThat(first.annotationsSeenInUpdate.get(0)).containsExactly(List.of(), List.of());
    // "last" sees what "first" (annotating) and "frozen" (frozen but annotating) predicted.
    assertThat(last.annotationsSeenInUpdate.get(0)).containsOnly(List.of("first", "frozen"));
    assertThat(first.finishUpdates).isEqualTo(1);
    assertThat(frozen.finishUpdates).isZero();
    assertThat(last.finishUpdates).isEqualTo(1);
  }

  @Test
  void accumulateGradientSplitsTheBatchSortedByLength() {
    List<List<Example<Doc>>> runs = Subbatches.split(Scripted.examples(5, 1, 4, 2, 3, 9, 7), 3);
    assertThat(runs).extracting(run -> run.stream().map(Example::length).toList())
        .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5, 7), List.of(9));
    assertThat(Subbatches.split(Scripted.examples(2, 1), 4)).extracting(List::size).containsExactly(2);
    assertThat(Subbatches.split(Scripted.examples(3, 1, 2), 1).get(0)).extracting(Example::length)
        .containsExactly(1, 2, 3);
    assertThat(Subbatches.split(Scripted.examples(1, 1, 2), 1).get(0)).extracting(Example::length)
        .containsExactly(1, 1, 2);
  }

  @Test
  void evaluationAnnotatesThenMergesScoresAndWeightsThem() {
    Pipeline<Doc> pipeline = new Pipeline<>(List.of(new Scripted.Component("a", 0.5), new Scripted.Component("b", 0.25)));
    Map<String, Object> scores = pipeline.evaluate(Scripted.examples(1));
    assertThat(scores).containsEntry("a_score", 0.5).containsEntry("b_score", 0.25).containsKey("a_per_type");
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    weights.put("a_score", 0.5);
    weights.put("b_score", 0.5);
    weights.put("a_per_type", null);
    assertThat(new ScoreWeights(weights).mainScore(scores)).isEqualTo(0.375);
  }

  @Test
  void aWeightedMetricThatIsMissingListsTheAvailableOnes() {
    assertThatThrownBy(() -> new ScoreWeights(Map.of("cats_f", 1.0)).mainScore(Map.of("tag_acc", 0.9, "ents_f", 0.5)))
        .hasMessage("[E204] [training.score_weights] weighs the metric \"cats_f\", but the pipeline reports no such "
            + "score. Available scores: ents_f, tag_acc. Fix the name, or remove it from score_weights.");
  }

  @Test
  void aWeightedMetricThatIsNotANumberIsAnError() {
    assertThatThrownBy(() -> new ScoreWeights(Map.of("ents_per_type", 1.0)).mainScore(Map.of("ents_per_type", Map.of())))
        .hasMessageStartingWith("[E205]").hasMessageContaining("null weight");
  }
}
