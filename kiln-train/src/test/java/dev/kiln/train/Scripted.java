package dev.kiln.train;

import dev.kiln.nn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Test fixtures: records of a given length, and a component that reports scripted scores. */
public final class Scripted {
  private Scripted() {}

  /** A record with a length and the names of the components that annotated it. */
  public record Doc(int id, int length, List<String> annotatedBy) implements Datum {
    Doc(int id, int length) {
      this(id, length, List.of());
    }

    Doc annotated(String by) {
      List<String> names = new ArrayList<>(annotatedBy);
      names.add(by);
      return new Doc(id, length, List.copyOf(names));
    }
  }

  static List<Example<Doc>> examples(int... lengths) {
    List<Example<Doc>> examples = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      examples.add(new Example<>(new Doc(i, lengths[i]), new Doc(i, lengths[i])));
    }
    return examples;
  }

  /** Batches of a fixed number of examples, in order. */
  static Batcher<Doc> batchesOf(int size) {
    return examples -> {
      List<List<Example<Doc>>> batches = new ArrayList<>();
      List<Example<Doc>> current = new ArrayList<>();
      for (Example<Doc> example : examples) {
        current.add(example);
        if (current.size() == size) {
          batches.add(current);
          current = new ArrayList<>();
        }
      }
      if (!current.isEmpty()) {
        batches.add(current);
      }
      return batches;
    };
  }

  /**
   * A trainable, annotating, scoring component whose score at its n-th evaluation is
   * {@code scores[n]}; it records what the loop asked of it.
   */
  public static final class Component implements Trainable<Doc>, Annotator<Doc>, Scorer<Doc> {
    final String name;
    final double[] scores;
    int evaluations;
    int finishUpdates;
    final List<List<Integer>> updatedLengths = new ArrayList<>();
    final List<List<List<String>>> annotationsSeenInUpdate = new ArrayList<>();
    final List<Double> dropouts = new ArrayList<>();
    /** The update (counted from 0) whose loss is NaN; -1 for none. */
    int nanAtUpdate = -1;
    /** A stand-in for a dropout stream: one draw per update. */
    long draws;

    Component(String name, double... scores) {
      this.name = name;
      this.scores = scores;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void initialize(Supplier<Iterable<Example<Doc>>> examples, long seed) {}

    @Override
    public void update(List<Example<Doc>> batch, double dropout, LossTotals losses) {
      List<Integer> lengths = new ArrayList<>();
      List<List<String>> annotations = new ArrayList<>();
      for (Example<Doc> example : batch) {
        lengths.add(example.length());
        annotations.add(example.predicted().annotatedBy());
      }
      updatedLengths.add(lengths);
      annotationsSeenInUpdate.add(annotations);
      dropouts.add(dropout);
      draws++;
      losses.add(name, updatedLengths.size() - 1 == nanAtUpdate ? Double.NaN : batch.size());
    }

    @Override
    public void finishUpdate(Optimizer optimizer) {
      // Discarded steps clear their gradients through the sink; only real steps count here.
      if (optimizer instanceof GradientSink) {
        return;
      }
      finishUpdates++;
      optimizer.update(name + ".W", new float[] {0f}, new float[] {0f});
    }

    @Override
    public ParamsSwap useParams(Map<String, float[]> averages) {
      return () -> {};
    }

    @Override
    public Map<String, Long> randomStates() {
      return Map.of("draws", draws);
    }

    @Override
    public void restoreRandomStates(Map<String, Long> states) {
      draws = states.get("draws");
    }

    @Override
    public List<Doc> annotate(List<Doc> records) {
      List<Doc> annotated = new ArrayList<>();
      for (Doc doc : records) {
        annotated.add(doc.annotated(name));
      }
      return annotated;
    }

    @Override
    public Map<String, Object> score(List<Example<Doc>> examples) {
      double score = scores[Math.min(evaluations, scores.length - 1)];
      evaluations++;
      return Map.of(name + "_score", score, name + "_per_type", Map.of("A", 1.0));
    }

    @Override
    public Map<String, Double> defaultScoreWeights() {
      return Map.of(name + "_score", 1.0);
    }
  }

  /** An optimizer that only counts; the loop tests need its clock, not its arithmetic. */
  static final class CountingOptimizer implements Optimizer {
    long scheduleStep;
    int updates;
    final List<Double> lastScores = new ArrayList<>();

    @Override
    public void update(String key, float[] weights, float[] gradient) {
      updates++;
    }

    @Override
    public boolean hasUpdated(String key) {
      return false;
    }

    @Override
    public void stepSchedules() {
      scheduleStep++;
    }

    @Override
    public long scheduleStep() {
      return scheduleStep;
    }

    @Override
    public void lastScore(long step, double score) {
      lastScores.add(score);
    }

    @Override
    public Map<String, float[]> averages() {
      return Map.of();
    }

    @Override
    public void writeState(java.nio.file.Path dir) {}

    @Override
    public void readState(java.nio.file.Path dir) {}
  }
}
