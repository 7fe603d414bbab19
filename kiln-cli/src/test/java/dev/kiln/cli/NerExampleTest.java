package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NER example (a shared tok2vec and ner listening to it, on the generated corpus of
 * examples/ner) trains to a dev ents_f of at least 0.95, and kiln predict writes its entities.
 */
class NerExampleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theNerExampleReachesAnEntsFOfAtLeast095() throws Exception {
    Path output = dir.resolve("ner");
    Path log = dir.resolve("train.log");
    int exit = KilnProcess.run(ROOT, log, "train", "examples/ner/config.cfg", "--output", output.toString());
    assertThat(exit).as(Files.readString(log)).isZero();
    JsonNode performance = JSON.readTree(output.resolve("model-best/meta.json").toFile()).at("/performance");
    assertThat(performance.at("/ents_f").asDouble()).as(performance.toString()).isGreaterThanOrEqualTo(0.95);
    // Metrics with a null weight are reported too, as spaCy's meta.json does.
    assertThat(performance.at("/ents_per_type/PERSON/f").isNumber()).as(performance.toString()).isTrue();

    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-best").toString(),
        ROOT.resolve("examples/ner/dev.jsonl").toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    JsonNode scores = JSON.readTree(evaluated.out());
    assertThat(scores.at("/ents_f").asDouble()).isEqualTo(performance.at("/ents_f").asDouble());
    assertThat(scores.at("/ents_per_type").fieldNames()).toIterable().containsExactly("GPE", "ORG", "PERSON");
    assertThat(scores.at("/ents_per_type/PERSON/f").asDouble()).isGreaterThanOrEqualTo(0.9);

    Path predictions = dir.resolve("predictions.jsonl");
    KilnRun predicted = KilnRun.of("predict", output.resolve("model-best").toString(),
        ROOT.resolve("examples/ner/dev.jsonl").toString(), "--output", predictions.toString());
    assertThat(predicted.exit()).as(predicted.err()).isZero();
    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(300);
    long withEntities = lines.stream().filter(line -> line.contains("\"entities\":[[")).count();
    assertThat(withEntities).isGreaterThan(250);
    JsonNode first = JSON.readTree(lines.get(0));
    JsonNode gold = JSON.readTree(Files.readAllLines(ROOT.resolve("examples/ner/dev.jsonl")).get(0));
    assertThat(first.get("text")).isEqualTo(gold.get("text"));
    assertThat(first.get("entities")).isEqualTo(gold.get("entities"));
  }
}
