package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevEvaluatorTest {
  /** Annotates like any component, then records what the scorer was shown. */
  private static final class Recorder implements Annotator<Scripted.Doc>, Scorer<Scripted.Doc> {
    final List<List<List<String>>> scored = new ArrayList<>();

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public List<Scripted.Doc> annotate(List<Scripted.Doc> records) {
      return records.stream().map(doc -> doc.annotated("recorder")).toList();
    }

    @Override
    public Map<String, Object> score(List<Example<Scripted.Doc>> examples) {
      scored.add(examples.stream().map(example -> example.predicted().annotatedBy()).toList());
      return Map.of("recorder_score", (double) examples.size());
    }

    @Override
    public Map<String, Double> defaultScoreWeights() {
      return Map.of("recorder_score", 1.0);
    }
  }

  @Test
  void theDevCorpusIsReadOnceAndEveryEvaluationStartsFromCleanRecords() {
    int[] reads = {0};
    Corpus<Scripted.Doc> dev = () -> {
      reads[0]++;
      return Scripted.examples(3, 1, 2);
    };
    Recorder recorder = new Recorder();
    DevEvaluator<Scripted.Doc> evaluator = new DevEvaluator<>(new Pipeline<>(List.of(recorder)), dev,
        Map.of(), new ScoreWeights(Map.of("recorder_score", 1.0)), ProblemPolicy.WARN, Map.of());

    EvalResult first = evaluator.evaluate();
    EvalResult second = evaluator.evaluate();

    assertThat(reads[0]).isEqualTo(1);
    assertThat(first.score()).isEqualTo(3.0).isEqualTo(second.score());
    List<List<String>> annotatedOnce = List.of(List.of("recorder"), List.of("recorder"), List.of("recorder"));
    assertThat(recorder.scored).containsExactly(annotatedOnce, annotatedOnce);
  }

  @Test
  void corporaReadAheadAreNotReadAgainAtTheFirstEvaluation() {
    int[] reads = {0, 0};
    Corpus<Scripted.Doc> dev = () -> {
      reads[0]++;
      return Scripted.examples(3, 1, 2);
    };
    Corpus<Scripted.Doc> test = () -> {
      reads[1]++;
      return Scripted.examples(1);
    };
    DevEvaluator<Scripted.Doc> evaluator = new DevEvaluator<>(new Pipeline<>(List.of(new Recorder())), dev,
        Map.of("test", test), new ScoreWeights(Map.of("recorder_score", 1.0)), ProblemPolicy.WARN, Map.of());

    evaluator.readCorpora();
    assertThat(reads).containsExactly(1, 1);
    EvalResult result = evaluator.evaluate();

    assertThat(reads).containsExactly(1, 1);
    assertThat(result.scores()).containsEntry("recorder_score", 3.0).containsEntry("test_recorder_score", 1.0);
  }
}
