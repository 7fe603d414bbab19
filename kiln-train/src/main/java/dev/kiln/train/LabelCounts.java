package dev.kiln.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often each label occurs in a component's training data, counted at initialize: the labels
 * to collect, and, when labels are given, the ones the data has beyond them, which the component
 * then does not learn and says so once.
 */
public final class LabelCounts {
  private static final Logger LOG = LoggerFactory.getLogger(LabelCounts.class);

  private final TreeMap<String, Integer> counts = new TreeMap<>();

  public void add(String label) {
    counts.merge(label, 1, Integer::sum);
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The labels counted, sorted. */
  public Set<String> labels() {
    return counts.navigableKeySet();
  }

  /**
   * Logs a warning naming the counted labels that {@code source} does not include, with their
   * counts ({@code one} and {@code many} name what is counted: "document" and "documents"), and
   * {@code effect}, a sentence saying what the component does with them. Nothing when labels
   * come from the data.
   */
  public void warnOutside(String component, LabelSource source, String one, String many, String effect) {
    if (!(source instanceof LabelSource.Given given)) {
      return;
    }
    List<String> outside = new ArrayList<>();
    counts.forEach((label, n) -> {
      if (!given.includes(label)) {
        outside.add(label + " (" + n + " " + (n == 1 ? one : many) + ")");
      }
    });
    if (!outside.isEmpty()) {
      LOG.warn("component {}: the training data has labels that the labels given to it ({}) lack: {}. {}"
          + " Add them to its labels if it should learn them.", component, given.origin(), String.join(", ", outside),
          effect);
    }
  }
}
