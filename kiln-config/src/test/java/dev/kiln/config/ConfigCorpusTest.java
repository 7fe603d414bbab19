package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus config interpolates to what Thinc 8.1.7 gives ({@code NN-name.expected.json},
 * written by {@code src/test/python/make_corpus_expectations.py}), except where kiln
 * deliberately differs: then {@code NN-name.kiln.json} holds kiln's answer.
 */
class ConfigCorpusTest {
  static List<Path> configs() {
    return Corpus.configs();
  }

  @Test
  void theCorpusHasAtLeast25ConfigsEachWithThincsExpectation() {
    assertThat(configs()).hasSizeGreaterThanOrEqualTo(25);
    for (Path cfg : configs()) {
      assertThat(Corpus.sibling(cfg, ".expected.json")).exists();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void interpolatesAsThincDoes(Path cfg) {
    Path kiln = Corpus.sibling(cfg, ".kiln.json");
    Path expected = Files.exists(kiln) ? kiln : Corpus.sibling(cfg, ".expected.json");

    String json = Corpus.load(cfg).toJson();

    assertThat(JsonComparison.differences(Corpus.read(expected), json)).isEmpty();
  }

  /** A documented difference must be a real one, or its .kiln.json file is stale. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void documentedDifferencesFromThincAreReal(Path cfg) {
    Path kiln = Corpus.sibling(cfg, ".kiln.json");
    if (Files.exists(kiln)) {
      String thinc = Corpus.read(Corpus.sibling(cfg, ".expected.json"));
      assertThat(JsonComparison.differences(thinc, Corpus.read(kiln))).isNotEmpty();
    }
  }
}
