package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quickstart trains a spam classifier on the bundled subset to a dev cats_score of at least 0.95. */
class SpamQuickstartTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theQuickstartReachesACatsScoreOfAtLeast095() throws Exception {
    Path output = dir.resolve("spam");
    Path log = dir.resolve("train.log");
    int exit = KilnProcess.run(ROOT, log, "train", "examples/spam/config.cfg", "--output", output.toString());
    assertThat(exit).as(Files.readString(log)).isZero();
    JsonNode meta = new ObjectMapper().readTree(output.resolve("model-best/meta.json").toFile());
    assertThat(meta.at("/performance/cats_score").asDouble()).isGreaterThanOrEqualTo(0.95);

    Path evaluated = dir.resolve("evaluate.log");
    assertThat(KilnProcess.run(ROOT, evaluated, "evaluate", output.resolve("model-best").toString(),
        "examples/spam/dev.jsonl")).isZero();
    assertThat(Files.readString(evaluated)).contains("\"cats_score\"");

    Path predictions = dir.resolve("predictions.jsonl");
    KilnRun predicted = KilnRun.of("predict", output.resolve("model-best").toString(),
        ROOT.resolve("examples/spam/dev.jsonl").toString(), "--output", predictions.toString());
    assertThat(predicted.exit()).as(predicted.err()).isZero();
    java.util.List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(300);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.at("/cats/SPAM").asDouble() + first.at("/cats/HAM").asDouble()).isCloseTo(1.0,
        org.assertj.core.api.Assertions.within(1e-5));
    JsonNode input = new ObjectMapper().readTree(Files.readAllLines(ROOT.resolve("examples/spam/dev.jsonl")).get(0));
    assertThat(first.get("id")).as("the record's own keys come back, to match predictions to inputs")
        .isEqualTo(input.get("id"));
  }
}
