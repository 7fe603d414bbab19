package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.JsonComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kiln config show --interpolate --format json} on every config of kiln-config's corpus
 * gives what Thinc 8.1.7 gives (numbers compared by value), or, where kiln differs on purpose,
 * the documented {@code .kiln.json}. Overrides of the corpus are passed as command-line options.
 */
class ConfigShowCorpusTest {
  private static final Path CORPUS = Path.of("../kiln-config/src/test/resources/corpus");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void showPrintsWhatThincGives(Path cfg) throws IOException {
    List<String> args = new ArrayList<>(List.of("config", "show", cfg.toString(), "--interpolate", "--format", "json"));
    Path overrides = sibling(cfg, ".overrides.json");
    if (Files.exists(overrides)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(overrides.toFile()).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        args.add("--" + entry.getKey());
        args.add(JSON.writeValueAsString(entry.getValue()));
      }
    }
    KilnRun run = KilnRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    Path kiln = sibling(cfg, ".kiln.json");
    Path expected = Files.exists(kiln) ? kiln : sibling(cfg, ".expected.json");
    assertThat(JsonComparison.differences(Files.readString(expected), run.out())).isEmpty();
  }

  private static Path sibling(Path cfg, String suffix) {
    String name = cfg.getFileName().toString();
    return cfg.resolveSibling(name.substring(0, name.length() - ".cfg".length()) + suffix);
  }
}
