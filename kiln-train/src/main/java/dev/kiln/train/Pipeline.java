package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Named components run in order over records; spaCy's {@code Language}, for training. */
public final class Pipeline<D extends Datum> {
  private final List<Component<D>> components;

  /** The components in order, each {@link PipelineLinked} one linked to the others. */
  public Pipeline(List<? extends Component<D>> components) {
    this.components = List.copyOf(components);
    for (Component<D> component : this.components) {
      if (component instanceof PipelineLinked<D> linked) {
        linked.link(this.components);
      }
    }
  }

  public List<Component<D>> components() {
    return components;
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Component<D> component : components) {
      names.add(component.name());
    }
    return names;
  }

  /**
   * Accumulates gradients of every trainable component not in {@code exclude}; components in
   * {@code annotates} then set their predictions on the batch, so later components see them.
   */
  public void update(
      List<Example<D>> batch, double dropout, LossTotals losses, Set<String> exclude, Set<String> annotates) {
    for (Component<D> component : components) {
      if (!exclude.contains(component.name()) && component instanceof Trainable<D> trainable) {
        trainable.update(batch, dropout, losses);
      }
      if (annotates.contains(component.name()) && component instanceof Annotator<D> annotator) {
        annotatePredicted(annotator, batch);
      }
    }
  }

  /**
   * spaCy's {@code distill}: every distillable student component not in {@code exclude} learns
   * from the teacher component {@code teacherOf} names for it; the teacher annotates the batch
   * first so that students see its predictions.
   */
  public void distill(Pipeline<D> teacher, List<Example<D>> batch, double dropout, LossTotals losses,
      Set<String> exclude, Set<String> annotates, UnaryOperator<String> teacherOf) {
    for (Component<D> component : components) {
      if (!exclude.contains(component.name()) && component instanceof Distillable<D> student) {
        student.distill(teacher.component(teacherOf.apply(component.name())), batch, dropout, losses);
      }
      if (annotates.contains(component.name()) && component instanceof Annotator<D> annotator) {
        annotatePredicted(annotator, batch);
      }
    }
  }

  /**
   * This pipeline, checked to read records of {@code recordType}: the type argument of a pipeline
   * loaded from disk is the caller's word, and a wrong one would fail inside a component with a
   * ClassCastException.
   *
   * @throws KilnException E239 naming the first component that reads another kind of record
   */
  @SuppressWarnings("unchecked")
  public <R extends Datum> Pipeline<R> reading(Class<R> recordType) {
    for (Component<D> component : components) {
      RecordTypes.of(component).filter(reads -> !reads.isAssignableFrom(recordType)).ifPresent(reads -> {
        throw new KilnException(ErrorCode.E239, component.name(), reads.getSimpleName(), recordType.getSimpleName());
      });
    }
    return (Pipeline<R>) this;
  }

  /** The component named {@code name}. */
  public Component<D> component(String name) {
    for (Component<D> component : components) {
      if (component.name().equals(name)) {
        return component;
      }
    }
    throw new KilnException(ErrorCode.E240, name, names());
  }

  /** One optimizer step for every trainable component not in {@code exclude}. */
  public void finishUpdate(Optimizer optimizer, Set<String> exclude) {
    for (Component<D> component : components) {
      if (!exclude.contains(component.name()) && component instanceof Trainable<D> trainable) {
        trainable.finishUpdate(optimizer);
      }
    }
  }

  /**
   * The records with every annotator's predictions set, in pipeline order. Safe to call from
   * several threads at once; each call returns new records.
   *
   * @throws KilnException E267 if {@code records} or one of them is null
   */
  public List<D> annotate(List<D> records) {
    requireRecords(records);
    List<D> annotated = records;
    for (Component<D> component : components) {
      if (component instanceof Annotator<D> annotator) {
        annotated = annotator.annotate(annotated);
      }
    }
    return annotated;
  }

  /** Runs every annotator over the predicted records, then merges every scorer's scores. */
  public Map<String, Object> evaluate(List<Example<D>> examples) {
    for (Component<D> component : components) {
      if (component instanceof Annotator<D> annotator) {
        annotatePredicted(annotator, examples);
      }
    }
    Map<String, Object> scores = new LinkedHashMap<>();
    for (Component<D> component : components) {
      if (component instanceof Scorer<D> scorer) {
        scores.putAll(scorer.score(examples));
      }
    }
    return scores;
  }

  /**
   * {@link #evaluate} plus {@code speed}: the words (record lengths) of the examples per second
   * of annotating and scoring them.
   */
  public Map<String, Object> evaluateWithSpeed(List<Example<D>> examples) {
    long words = Example.totalLength(examples);
    long started = System.nanoTime();
    Map<String, Object> scores = new LinkedHashMap<>(evaluate(examples));
    scores.put("speed", words / Math.max((System.nanoTime() - started) / 1e9, 1e-9));
    return scores;
  }

  /** Swaps averaged weights into every trainable component until the handle is closed. */
  public Trainable.ParamsSwap useParams(Map<String, float[]> averages) {
    List<Trainable.ParamsSwap> swaps = new ArrayList<>();
    if (!averages.isEmpty()) {
      for (Component<D> component : components) {
        if (component instanceof Trainable<D> trainable) {
          swaps.add(trainable.useParams(averages));
        }
      }
    }
    return () -> {
      for (int i = swaps.size() - 1; i >= 0; i--) {
        swaps.get(i).close();
      }
    };
  }

  /** Every trainable component's {@link Trainable#randomStates}, by component name. */
  public Map<String, Map<String, Long>> randomStates() {
    Map<String, Map<String, Long>> states = new LinkedHashMap<>();
    for (Component<D> component : components) {
      if (component instanceof Trainable<D> trainable) {
        states.put(component.name(), trainable.randomStates());
      }
    }
    return states;
  }

  /** Puts back what {@link #randomStates} returned. */
  public void restoreRandomStates(Map<String, Map<String, Long>> states) {
    for (Component<D> component : components) {
      if (component instanceof Trainable<D> trainable && states.containsKey(component.name())) {
        trainable.restoreRandomStates(states.get(component.name()));
      }
    }
  }

  /** The default score weights of every scorer, in pipeline order. */
  public Map<String, Double> defaultScoreWeights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Component<D> component : components) {
      if (component instanceof Scorer<D> scorer) {
        weights.putAll(scorer.defaultScoreWeights());
      }
    }
    return weights;
  }

  private static void requireRecords(List<?> records) {
    if (records == null) {
      throw new KilnException(ErrorCode.E267, "null instead of a list");
    }
    int index = 0;
    for (Object record : records) {
      if (record == null) {
        throw new KilnException(ErrorCode.E267, "a list whose record " + index + " (of " + records.size() + ") is null");
      }
      index++;
    }
  }

  private static <D extends Datum> void annotatePredicted(Annotator<D> annotator, List<Example<D>> examples) {
    List<D> records = new ArrayList<>(examples.size());
    for (Example<D> example : examples) {
      records.add(example.predicted());
    }
    List<D> annotated = annotator.annotate(records);
    for (int i = 0; i < examples.size(); i++) {
      examples.get(i).setPredicted(annotated.get(i));
    }
  }
}
