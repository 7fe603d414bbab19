package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline's components share one optimizer; two of the same architecture have the same
 * parameter paths, and must still keep their own Adam state.
 */
class SharedOptimizerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void twoComponentsOfOneArchitectureTrainAsEachWouldAlone() throws IOException {
    String spam = Files.readString(ROOT.resolve("examples/spam/config.cfg"));
    Path single = dir.resolve("single.cfg");
    Files.writeString(single, spam);
    Path twin = dir.resolve("twin.cfg");
    Files.writeString(twin, spam
        .replace("pipeline = [\"textcat\"]", "pipeline = [\"textcat\", \"textcat2\"]")
        .replace("[corpora]\n", String.join("\n",
            "[components.textcat2]",
            "factory = \"textcat\"",
            "",
            "[components.textcat2.model]",
            "@architectures = \"kiln.TextCatBOW.v1\"",
            "exclusive_classes = true",
            "ngram_size = 2",
            "",
            "[corpora]",
            "")));

    train(single, dir.resolve("single"));
    train(twin, dir.resolve("twin"));

    assertThat(dir.resolve("twin/model-last/textcat/weights.safetensors"))
        .as("textcat's weights are those it reaches without a twin beside it")
        .hasSameBinaryContentAs(dir.resolve("single/model-last/textcat/weights.safetensors"));
    JsonNode parameters = new ObjectMapper().readTree(
        dir.resolve("twin/model-last/training/optimizer/optimizer.json").toFile()).path("parameters");
    assertThat(parameters.at("/textcat.bow:W/updates").asInt()).isEqualTo(20);
    assertThat(parameters.at("/textcat2.bow:W/updates").asInt()).isEqualTo(20);
  }

  private void train(Path config, Path output) {
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(),
        "--paths.train", ROOT.resolve("examples/spam/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/spam/dev.jsonl").toString(),
        "--training.max_steps", "19", "--training.eval_frequency", "10");
    assertThat(run.exit()).as(run.err()).isZero();
  }
}
