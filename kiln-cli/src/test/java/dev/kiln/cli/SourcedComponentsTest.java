package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components taken from trained pipelines ({@code [components.X] source = ...}) in the ways a
 * spaCy user takes them: renamed, frozen, annotating, several from one pipeline, and through a
 * pipeline that was itself sourced.
 */
class SourcedComponentsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * A component sourced from a pipeline saved before saved configs held sourced sections in full
   * (its config still says source = ...) follows that source to its section; each pipeline of the
   * chain is verified once.
   */
  @Test
  void aChainOfSourcesIsVerifiedOnce() throws Exception {
    Path first = trainTeacher(10);
    Path config = dir.resolve("config.cfg");
    String sourcing = Files.readString(config).replaceAll(
        "(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
        "[components.classifier]\nsource = \"SOURCE\"\n\n[corpora]");
    Path old = dir.resolve("old");
    Files.createDirectories(old.resolve("classifier"));
    Files.writeString(old.resolve("config.cfg"), sourcing.replace("SOURCE", first.toString()));
    Files.copy(first.resolve("meta.json"), old.resolve("meta.json"));
    for (String file : new String[] {"weights.safetensors", "labels.json"}) {
      Files.copy(first.resolve("classifier").resolve(file), old.resolve("classifier").resolve(file));
    }
    Manifest.of(old).write(old);
    Path sourced = Files.writeString(dir.resolve("sourced.cfg"), sourcing.replace("SOURCE", old.toString()));

    Map<Path, Long> reads = FileReads.during(dir, () -> train(sourced, dir.resolve("further"), "--training.max_steps", "1"));
    assertThat(FileReads.timesRead(reads, first.resolve("classifier/weights.safetensors")))
        .as("the chained source's weights: hashed to verify it, never loaded").isEqualTo(1.0);
    assertThat(FileReads.timesRead(reads, old.resolve("classifier/weights.safetensors")))
        .as("the source's weights: hashed to verify it, then loaded").isEqualTo(2.0);
  }

  /**
   * The tagger example's tok2vec taken frozen (and annotating, so its listener gets its vectors)
   * and its tagger taken under another name from the same pipeline, which is verified once: the
   * pipeline trains, evaluates and predicts without its source, and the frozen tok2vec keeps the
   * weights it was taken with.
   */
  @Test
  void aFrozenAnnotatingTok2VecAndARenamedTaggerWorkWithoutTheirSource() throws Exception {
    Path source = trainTagger(dir.resolve("source"), 4).resolve("model-last");
    String from = "source = \"" + source + "\"\n";
    Path config = Files.writeString(dir.resolve("sourced.cfg"), tagger()
        .replace("[components.tok2vec]\nfactory = \"tok2vec\"\n", "[components.tok2vec]\n" + from)
        .replace("[components.tagger]\nfactory = \"tagger\"\n", "[components.pos]\n" + from + "component = \"tagger\"\n")
        .replace("components.tagger.", "components.pos.")
        .replace("pipeline = [\"tok2vec\", \"tagger\"]", "pipeline = [\"tok2vec\", \"pos\"]")
        .replace("[training]\n", "[training]\nfrozen_components = [\"tok2vec\"]\nannotating_components = [\"tok2vec\"]\n"));
    Path output = dir.resolve("sourced");
    Map<Path, Long> reads = FileReads.during(source, () -> trainTagger(config, output, 4));
    assertThat(FileReads.timesRead(reads, source.resolve("tok2vec/weights.safetensors")))
        .as("the source of two components: hashed once to verify it, then loaded").isEqualTo(2.0);

    Files.move(source.getParent(), dir.resolve("moved"));
    assertThat(Files.readAllBytes(output.resolve("model-last/tok2vec/weights.safetensors")))
        .isEqualTo(Files.readAllBytes(dir.resolve("moved/model-last/tok2vec/weights.safetensors")));
    Path dev = ROOT.resolve("examples/tagger/dev.jsonl");
    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-best").toString(), dev.toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    assertThat(JSON.readTree(evaluated.out()).get("tag_acc").asDouble()).isGreaterThan(0.5);
    KilnRun predicted = KilnRun.of("predict", output.resolve("model-best").toString(), dev.toString());
    assertThat(predicted.exit()).as(predicted.err()).isZero();
    assertThat(predicted.out()).contains("\"tags\"");
  }

  /** Trains the fixture (into {@code dir/teacher}) for {@code steps} steps; returns its model-best. */
  private Path trainTeacher(int steps) throws IOException {
    Path config = TrainingFixture.write(dir, 10, steps);
    return train(config, dir.resolve("teacher")).resolve("model-best");
  }

  private static Path train(Path config, Path output, String... overrides) {
    List<String> args = new ArrayList<>(List.of("train", config.toString(), "--output", output.toString()));
    args.addAll(List.of(overrides));
    KilnRun run = KilnRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return output;
  }

  private static String tagger() throws IOException {
    return Files.readString(ROOT.resolve("examples/tagger/config.cfg"));
  }

  /** Trains the tagger example, or {@code config}, for {@code steps} steps into {@code output}. */
  private static Path trainTagger(Path output, int steps) {
    return trainTagger(ROOT.resolve("examples/tagger/config.cfg"), output, steps);
  }

  private static Path trainTagger(Path config, Path output, int steps) {
    KilnRun run = KilnRun.of(withTaggerData("train", config.toString(), "--output", output.toString(),
        "--training.max_steps", String.valueOf(steps), "--training.eval_frequency", "2"));
    assertThat(run.exit()).as(run.err()).isZero();
    return output;
  }

  /** {@code args} reading the tagger example's corpora by absolute path. */
  private static String[] withTaggerData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--paths.train", ROOT.resolve("examples/tagger/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/tagger/dev.jsonl").toString()));
    return all.toArray(String[]::new);
  }
}
