package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing a corpus config back as text gives text that parses to an equal config. */
class ConfigRoundTripTest {
  static List<Path> configs() {
    return Corpus.configs();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void writtenTextParsesToTheSameTreeBeforeInterpolation(Path cfg) {
    Config config = Config.read(cfg).withOverrides(Corpus.overrides(cfg));

    Config again = Config.parse(config.toString(), "written");

    assertThat(again.root()).isEqualTo(config.root());
    assertThat(again.toString()).isEqualTo(config.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void writtenTextParsesToTheSameTreeAfterInterpolation(Path cfg) {
    Config config = Corpus.load(cfg);

    Config again = Config.parse(config.toString(), "written").interpolate();

    assertThat(again.root()).isEqualTo(config.root());
    // Sections copied into the middle of a section's values are written after those values.
    assertThat(JsonComparison.differences(config.toJson(), again.toJson())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void writtenTextKeepsTheSectionOrder(Path cfg) {
    Config config = Config.read(cfg);

    Config again = Config.parse(config.toString(), "written");

    assertThat(List.copyOf(again.root().keys())).isEqualTo(List.copyOf(config.root().keys()));
    assertThat(again.toJson()).isEqualTo(config.toJson());
  }
}
