package dev.kiln.train.vectors;

import dev.kiln.train.Datum;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per component, that evaluation examples carry labels the classifier does not
 * know: they can never be predicted. (A dev class folder or label
 * missing from the training data is a data mistake that otherwise only shows as a low score;
 * spaCy's {@code debug data} reports it for text.)
 */
public final class UnknownLabels {
  private static final Logger LOG = LoggerFactory.getLogger(UnknownLabels.class);

  private final String component;
  private boolean warned;

  public UnknownLabels(String component) {
    this.component = component;
  }

  /** Logs a warning the first time {@code examples} hold reference labels outside {@code known}. */
  public <D extends Datum> void check(List<Example<D>> examples, Function<? super D, String> labelOf,
      List<String> known) {
    // A list per record, not a stream: this runs on every evaluation example at every evaluation.
    checkEach(examples, record -> {
      String label = labelOf.apply(record);
      return label == null ? List.of() : List.of(label);
    }, known);
  }

  /** As {@link #check}, for records with several labels each (a text's cats). */
  public <D extends Datum> void checkEach(List<Example<D>> examples, Function<? super D, ? extends Collection<String>> labelsOf,
      List<String> known) {
    if (warned) {
      return;
    }
    Map<String, Integer> unknown = count(examples, labelsOf, known);
    if (!unknown.isEmpty()) {
      warned = true;
      List<String> described = new ArrayList<>();
      unknown.forEach((label, n) -> described.add(label + " (" + n + (n == 1 ? " example)" : " examples)")));
      LOG.warn("{}: evaluation examples have labels it was not trained on and can never predict: {}."
          + " Add them to the training data, or check the evaluation data.", component, String.join(", ", described));
    }
  }

  /** How many examples carry each reference label outside {@code known}, by label. */
  static <D extends Datum> Map<String, Integer> count(List<Example<D>> examples,
      Function<? super D, ? extends Collection<String>> labelsOf, List<String> known) {
    Map<String, Integer> unknown = new TreeMap<>();
    Set<String> labels = Set.copyOf(known);
    for (Example<D> example : examples) {
      for (String gold : labelsOf.apply(example.reference())) {
        if (!labels.contains(gold)) {
          unknown.merge(gold, 1, Integer::sum);
        }
      }
    }
    return unknown;
  }
}
