package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.ConfigDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaterDefaultsTest {
  private static final String SAVED = String.join("\n",
      "[components]", "[components.pos]", "factory = \"tagger\"", "overwrite = false", "label_smoothing = 0.0",
      "[components.cats]", "factory = \"textcat\"", "threshold = 0.5", "");

  private static List<String> remaining(String now) {
    Config after = Config.parse(now, "now");
    List<ConfigDiff.Change> changes = ConfigDiff.changes(Config.parse(SAVED, "saved"), after);
    return LaterDefaults.withoutAddedDefaults(changes, ConfigDiff.flatten(after)).stream()
        .map(ConfigDiff.Change::toString).toList();
  }

  @Test
  void aTaggerSavedBeforeNegPrefixExistedHadTheDefault() {
    assertThat(remaining(SAVED.replace("label_smoothing = 0.0", "label_smoothing = 0.0\nneg_prefix = \"!\""))).isEmpty();
    assertThat(remaining(SAVED.replace("\"tagger\"", "\"tagger.v1\"")
        .replace("label_smoothing = 0.0", "label_smoothing = 0.0\nneg_prefix = \"!\"")))
        .containsExactly("components.pos.factory: tagger -> tagger.v1");
  }

  @Test
  void anotherValueOrAnotherFactoryIsStillAChange() {
    assertThat(remaining(SAVED.replace("label_smoothing = 0.0", "label_smoothing = 0.0\nneg_prefix = null")))
        .containsExactly("components.pos.neg_prefix: added (null)");
    assertThat(remaining(SAVED.replace("threshold = 0.5", "threshold = 0.5\nneg_prefix = \"!\"")))
        .containsExactly("components.cats.neg_prefix: added (!)");
  }
}
