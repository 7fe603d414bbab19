package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per component, when no evaluation doc has the annotation the component is scored
 * on (cats, tags, entities): its scores are then 0 because there is nothing to compare with, not
 * because the model is wrong. Evaluation data of another task otherwise passes silently.
 */
public final class MissingGold {
  private static final Logger LOG = LoggerFactory.getLogger(MissingGold.class);

  private final String component;
  private final String annotation;
  private final Predicate<Doc> annotated;
  private boolean warned;

  /** {@code annotation} names what {@code annotated} looks for in a reference doc ("cats"). */
  public MissingGold(String component, String annotation, Predicate<Doc> annotated) {
    this.component = component;
    this.annotation = annotation;
    this.annotated = annotated;
  }

  /**
   * Logs the warning the first time none of {@code examples} (when there are any) is annotated;
   * returns whether it did now.
   */
  public boolean check(List<Example<Doc>> examples) {
    if (warned || examples.isEmpty() || examples.stream().anyMatch(example -> annotated.test(example.reference()))) {
      return false;
    }
    warned = true;
    LOG.warn("{}: none of the {} evaluation docs has {}, so its scores are 0 with nothing to compare against."
        + " Check that the evaluation data is annotated for this component.", component, examples.size(), annotation);
    return true;
  }
}
