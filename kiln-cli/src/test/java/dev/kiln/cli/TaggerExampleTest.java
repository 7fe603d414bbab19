package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.nn.io.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tagger example: a tok2vec and a listening tagger trained on the generated corpus
 * reach a dev tag_acc of at least 0.95, and the saved pipeline evaluates and predicts tags.
 */
class TaggerExampleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theTaggerExampleReachesATagAccuracyOfAtLeast095() throws Exception {
    Path output = dir.resolve("tagger");
    Path log = dir.resolve("train.log");
    int exit = KilnProcess.run(ROOT, log, "train", "examples/tagger/config.cfg", "--output", output.toString());
    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("LOSS TOK2VEC", "LOSS TAGGER", "TAG_ACC");
    JsonNode meta = new ObjectMapper().readTree(output.resolve("model-best/meta.json").toFile());
    assertThat(meta.at("/performance/tag_acc").asDouble()).isGreaterThanOrEqualTo(0.95);

    Path evaluated = dir.resolve("evaluate.log");
    assertThat(KilnProcess.run(ROOT, evaluated, "evaluate", output.resolve("model-best").toString(),
        "examples/tagger/dev.jsonl")).as(Files.readString(evaluated)).isZero();
    assertThat(Files.readString(evaluated)).contains("\"tag_acc\"", "\"token_acc\"");

    Path predictions = dir.resolve("predictions.jsonl");
    KilnRun predicted = KilnRun.of("predict", output.resolve("model-best").toString(),
        ROOT.resolve("examples/tagger/dev.jsonl").toString(), "--output", predictions.toString());
    assertThat(predicted.exit()).as(predicted.err()).isZero();
    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(250);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    JsonNode gold = new ObjectMapper().readTree(Files.readAllLines(ROOT.resolve("examples/tagger/dev.jsonl")).get(0));
    assertThat(first.get("tags")).isEqualTo(gold.get("tags"));
    assertThat(first.get("words")).as("the tokens the tags belong to").hasSize(first.get("tags").size());

    // Words the user gives are the words tagged, even where the tokenizer would split them.
    Path given = Files.writeString(dir.resolve("given.jsonl"),
        "{\"words\": [\"New York\", \"is\", \"big\"], \"spaces\": [true, true, false]}\n");
    KilnRun tagged = KilnRun.of("predict", output.resolve("model-best").toString(), given.toString());
    assertThat(tagged.exit()).as(tagged.err()).isZero();
    JsonNode line = new ObjectMapper().readTree(tagged.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(line.get("words").toString()).isEqualTo("[\"New York\",\"is\",\"big\"]");
    assertThat(line.get("spaces").toString()).isEqualTo("[true,true,false]");
    assertThat(line.get("tags")).hasSize(3);
  }
  /**
   * A tok2vec taken from a trained pipeline by putting {@code source =} in place of its section's
   * {@code factory} (both would be E291), whose old subsections the tagger's listener still
   * refers to: the saved pipeline must load without them.
   */
  @Test
  void aSourcedTok2VecWhoseOldSectionTheListenerReferredToSavesALoadableConfig() throws Exception {
    Path ner = dir.resolve("ner");
    KilnRun trainedNer = KilnRun.of("train", ROOT.resolve("examples/ner/config.cfg").toString(), "--output",
        ner.toString(), "--training.max_steps", "5", "--paths.train", ROOT.resolve("examples/ner/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/ner/dev.jsonl").toString());
    assertThat(trainedNer.exit()).as(trainedNer.err()).isZero();
    String tagger = Files.readString(ROOT.resolve("examples/tagger/config.cfg"));
    assertThat(tagger).contains("${components.tok2vec.model.encode.width}");
    Path config = Files.writeString(dir.resolve("sourced.cfg"), tagger.replace("[components.tok2vec]\nfactory = \"tok2vec\"\n",
        "[components.tok2vec]\nsource = \"" + ner.resolve("model-last") + "\"\n"));
    Path output = dir.resolve("sourced");
    KilnRun trained = KilnRun.of("train", config.toString(), "--output", output.toString(), "--training.max_steps", "5",
        "--paths.train", ROOT.resolve("examples/tagger/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/tagger/dev.jsonl").toString());
    assertThat(trained.exit()).as(trained.err()).isZero();

    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-last").toString(),
        ROOT.resolve("examples/tagger/dev.jsonl").toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    assertThat(Files.readString(output.resolve("model-last/config.cfg"))).doesNotContain("${components.tok2vec");
  }

  /**
   * A tok2vec that trains while its only listener, the tagger, is frozen receives no gradient,
   * so spaCy's optimizer never touches it: with weight decay (spaCy's default L2 = 0.01) it
   * still ends with the weights it was sourced with.
   */
  @Test
  void aTok2VecWhoseOnlyListenerIsFrozenKeepsItsSourcedWeights() throws Exception {
    Path source = trainSource(5);
    Path output = dir.resolve("frozen");
    String log = trainWithTaggerFrozen(sourcing(source), output, "--training.optimizer.L2", "0.01");
    assertThat(log).as("nothing changes the tok2vec under the frozen tagger").doesNotContain("is frozen but listens");

    SafeTensors sourced = SafeTensors.read(source.resolve("tok2vec/weights.safetensors"));
    SafeTensors after = SafeTensors.read(output.resolve("model-last/tok2vec/weights.safetensors"));
    assertThat(after.names()).isEqualTo(sourced.names());
    // Names, not values, in the failure: AssertJ took over a minute to print a 128,000-value diff.
    assertThat(sourced.names().stream().filter(name -> !Arrays.equals(after.tensor(name).toFloatArray(),
        sourced.tensor(name).toFloatArray()))).as("tok2vec weights that changed").isEmpty();
  }

  @Test
  void aFrozenListenerIsWarnedOfWhenAnotherListenerTrainsItsTok2Vec() throws Exception {
    Path source = trainSource(2);
    String secondTagger = String.join("\n",
        "[components.tagger2]",
        "factory = \"tagger\"",
        "",
        "[components.tagger2.model]",
        "@architectures = \"spacy.Tagger.v2\"",
        "nO = null",
        "",
        "[components.tagger2.model.tok2vec]",
        "@architectures = \"spacy.Tok2VecListener.v1\"",
        "width = ${components.tok2vec.model.encode.width}",
        "upstream = \"*\"",
        "",
        "[corpora]",
        "");
    String config = sourcing(source)
        .replace("pipeline = [\"tok2vec\", \"tagger\"]", "pipeline = [\"tok2vec\", \"tagger\", \"tagger2\"]")
        .replace("[corpora]\n", secondTagger);
    String log = trainWithTaggerFrozen(config, dir.resolve("twin"));
    assertThat(log).contains("component tagger is frozen but listens to the tok2vec \"tok2vec\", which trains");
  }

  /** Trains the example for {@code steps} steps; returns its model-last, to source from. */
  private Path trainSource(int steps) {
    Path output = dir.resolve("source");
    KilnRun run = KilnRun.of(withData("train", ROOT.resolve("examples/tagger/config.cfg").toString(),
        "--output", output.toString(), "--training.max_steps", String.valueOf(steps)));
    assertThat(run.exit()).as(run.err()).isZero();
    return output.resolve("model-last");
  }

  /** The example's config with tok2vec and tagger sourced from {@code source}. */
  private static String sourcing(Path source) throws Exception {
    String from = "source = \"" + source + "\"\n";
    return Files.readString(ROOT.resolve("examples/tagger/config.cfg"))
        .replace("[components.tok2vec]\nfactory = \"tok2vec\"\n", "[components.tok2vec]\n" + from)
        .replace("[components.tagger]\nfactory = \"tagger\"\n", "[components.tagger]\n" + from);
  }

  /**
   * Trains {@code config} for 5 steps in a process of its own (its warnings go to the log), the
   * tagger frozen; returns the log.
   */
  private String trainWithTaggerFrozen(String config, Path output, String... overrides) throws Exception {
    Path file = Files.writeString(dir.resolve(output.getFileName() + ".cfg"),
        config.replace("[training]\n", "[training]\nfrozen_components = [\"tagger\"]\n"));
    Path log = dir.resolve(output.getFileName() + ".log");
    List<String> args = new ArrayList<>(List.of("train", file.toString(), "--output", output.toString(),
        "--training.max_steps", "5"));
    args.addAll(List.of(overrides));
    int exit = KilnProcess.run(log, withData(args.toArray(String[]::new)));
    assertThat(exit).as(Files.readString(log)).isZero();
    return Files.readString(log);
  }

  /** {@code args} reading the example's corpora by absolute path. */
  private static String[] withData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--paths.train", ROOT.resolve("examples/tagger/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/tagger/dev.jsonl").toString()));
    return all.toArray(String[]::new);
  }
}
