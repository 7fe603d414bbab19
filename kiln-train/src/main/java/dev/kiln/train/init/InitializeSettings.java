package dev.kiln.train.init;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.train.InitCallback;
import dev.kiln.train.LabelSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [initialize]} keys kiln acts on, resolved: spaCy's {@code before_init} and
 * {@code after_init} callbacks, and {@code components}, each component's keyword arguments for
 * its {@code initialize} ({@link InitializeSection} has checked them against the pipeline).
 */
public record InitializeSettings(
    @Name("before_init") @Default("null") Optional<InitCallback> beforeInit,
    @Name("after_init") @Default("null") Optional<InitCallback> afterInit,
    @Default("{}") Map<String, Map<String, Object>> components) {

  /** Nothing given: every component collects its labels from the data, and no callback runs. */
  public static final InitializeSettings NONE = new InitializeSettings(Optional.empty(), Optional.empty(), Map.of());

  /**
   * Where {@code component}'s labels come from: {@code [initialize.components.NAME] labels}, a
   * list or a labels reader's result, else the training data.
   */
  public LabelSource labelsOf(String component) {
    Object labels = components.getOrDefault(component, Map.of()).get(InitializeSection.LABELS);
    if (labels instanceof LabelSource source) {
      return source;
    }
    if (labels instanceof List<?> names) {
      return LabelSource.given(names.stream().map(String::valueOf).toList(),
          "[initialize.components." + component + "] " + InitializeSection.LABELS);
    }
    return LabelSource.fromData();
  }
}
