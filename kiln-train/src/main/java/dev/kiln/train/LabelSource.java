package dev.kiln.train;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a component's labels come from at initialize: the training data (spaCy's default), or
 * a set given in {@code [initialize.components.NAME] labels} (spaCy's {@code labels} argument of
 * a component's {@code initialize}).
 *
 * <p>Either way the labels are sorted, as kiln has always numbered the labels it collects: a
 * given set equal to the data's then makes the very same model, whatever order a labels file
 * lists them in.
 */
public sealed interface LabelSource {
  /** The labels collected from the training data. */
  static LabelSource fromData() {
    return FromData.INSTANCE;
  }

  /**
   * Exactly {@code labels} (duplicates dropped), said to come from {@code origin} in messages:
   * a labels file, or the config key that lists them.
   */
  static LabelSource given(Collection<String> labels, String origin) {
    return new Given(List.copyOf(new TreeSet<>(labels)), origin);
  }

  /** The labels to number, in output order: the given ones, else those {@code collected} from the data. */
  List<String> choose(Collection<String> collected);

  /** Whether {@code label} is one of the labels a component will have (every label is, when they come from the data). */
  boolean includes(String label);

  /** Where the labels come from, for messages: a labels file, a config key, or "the training data". */
  String origin();

  /** The labels of the data. */
  enum FromData implements LabelSource {
    INSTANCE;

    @Override
    public List<String> choose(Collection<String> collected) {
      return List.copyOf(new TreeSet<>(collected));
    }

    @Override
    public boolean includes(String label) {
      return true;
    }

    @Override
    public String origin() {
      return "the training data";
    }
  }

  /** Labels given in the config, sorted; {@code origin} says where, for messages. */
  record Given(List<String> labels, String origin) implements LabelSource {
    @Override
    public List<String> choose(Collection<String> collected) {
      return labels;
    }

    @Override
    public boolean includes(String label) {
      return labels.contains(label);
    }
  }
}
