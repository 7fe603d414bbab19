package dev.kiln.train.init;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.train.LabelSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** The registered functions of {@code [initialize]}: the labels reader. */
public final class InitRegistry {
  private InitRegistry() {}

  /**
   * The labels in the file at {@code path} ({@link LabelsFile}), for
   * {@code [initialize.components.NAME.labels]}. A missing file, when not {@code require}d, means
   * the component collects its labels from the training data, as spaCy's does: a config can name
   * the files {@code kiln init labels} will write before they exist.
   */
  @Registered(category = "readers", name = "kiln.read_labels.v1")
  public static LabelSource readLabels(Path path, @Default("false") boolean require) {
    if (!Files.exists(path)) {
      if (require) {
        throw LabelsFile.rejected(path, "there is no such file, and require = true", "Write it with kiln init labels"
            + " CONFIG DIR, or set require = false to collect the labels from the training data while it is missing.");
      }
      return LabelSource.fromData();
    }
    return LabelSource.given(LabelsFile.read(path), path.toString());
  }

  /** spaCy's name for {@link #readLabels}, so that spaCy configs that read labels run unchanged. */
  @Registered(category = "readers", name = "spacy.read_labels.v1")
  public static LabelSource spacyReadLabels(Path path, @Default("false") boolean require) {
    return readLabels(path, require);
  }
}
