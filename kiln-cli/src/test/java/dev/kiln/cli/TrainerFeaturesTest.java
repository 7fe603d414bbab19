package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's features beyond the loop, each through {@code kiln train}. */
class TrainerFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private KilnRun train(Path config, Path output, String... overrides) {
    String[] args = new String[4 + overrides.length];
    args[0] = "train";
    args[1] = config.toString();
    args[2] = "--output";
    args[3] = output.toString();
    System.arraycopy(overrides, 0, args, 4, overrides.length);
    KilnRun run = KilnRun.of(args);
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  private static List<JsonNode> log(Path output) throws IOException {
    return Files.readAllLines(output.resolve("training-log.jsonl")).stream().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void extraCorporaAreScoredBesideDevButNeverWeighed() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 20);
    Files.writeString(config, Files.readString(config) + "\n[corpora.test]\n@readers = \"kiln.LabeledJsonl.v1\"\npath = \""
        + dir.resolve("train.jsonl") + "\"\nlimit = 100\n");
    Path output = dir.resolve("run");
    train(config, output, "--training.extra_corpora", "[\"corpora.test\"]");
    for (JsonNode row : log(output)) {
      assertThat(row.at("/scores/test_acc").isNumber()).isTrue();
      assertThat(row.get("score").asDouble()).isEqualTo(row.at("/scores/acc").asDouble());
    }
  }

  @Test
  void scoreWeightsForSomeMetricsGoOverTheComponentsDefaultsAsInSpacy() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 20);
    Path output = dir.resolve("run");
    train(config, output, "--training.score_weights", "{\"macro_f\": 1.0}");
    for (JsonNode row : log(output)) {
      // The classifier's default, acc = 1.0, stays beside macro_f; both are normalised to 0.5.
      double expected = 0.5 * row.at("/scores/acc").asDouble() + 0.5 * row.at("/scores/macro_f").asDouble();
      assertThat(row.get("score").asDouble()).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void corporaMayBeGroupedInSectionsButEveryEntryMustBeAReader() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 20);
    String reader = "@readers = \"kiln.LabeledJsonl.v1\"\npath = \"" + dir.resolve("train.jsonl") + "\"\nlimit = 50\n";
    String base = Files.readString(config);
    Files.writeString(config, base + "\n[corpora.test]\n" + reader + "\n[corpora.held]\n\n[corpora.held.test]\n" + reader);
    Path output = dir.resolve("run");
    train(config, output, "--training.extra_corpora", "[\"corpora.test\", \"corpora.held.test\"]");
    JsonNode first = log(output).get(0);
    assertThat(first.at("/scores/test_acc").isNumber()).isTrue();
    assertThat(first.at("/scores/held_test_acc").isNumber()).as("a nested corpus's scores do not collide").isTrue();

    Files.writeString(config, base + "\n[corpora.misc]\n");
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", dir.resolve("run2").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E215] [corpora.misc] is not a corpus").doesNotContain("\tat ");
  }

  @Test
  void resumingARunThatStopAfterStoppedTrainsNothingMore() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 40);
    for (String limit : List.of("steps\": 12", "epochs\": 1")) {
      Path output = dir.resolve(limit.substring(0, 5));
      String hook = "{\"stop\": {\"@hooks\": \"kiln.StopAfter.v1\", \"" + limit + "}}";
      String stopped = "Stopped: hook: stop_after: " + (limit.startsWith("steps") ? "12 steps done" : "1 epochs done");
      KilnRun first = train(config, output, "--training.hooks", hook);
      String steps = first.out().replaceAll("(?s).*" + stopped + " \\((\\d+ steps),.*", "$1");
      assertThat(steps).as(first.out()).matches("\\d+ steps");
      byte[] weights = Files.readAllBytes(output.resolve("model-last/classifier/weights.safetensors"));
      KilnRun resumed = train(config, output, "--training.hooks", hook, "--resume");
      assertThat(resumed.out()).as(limit).contains(stopped + " (" + steps + ",");
      assertThat(Files.readAllBytes(output.resolve("model-last/classifier/weights.safetensors"))).isEqualTo(weights);
    }
  }

  @Test
  void saveEveryKeepsTheLastStepCheckpointsEachComplete() throws IOException {
    Path output = dir.resolve("run");
    train(TrainingFixture.write(dir, 100, 35), output,
        "--training.hooks", "{\"save\": {\"@hooks\": \"kiln.SaveEvery.v1\", \"steps\": 10, \"keep\": 2}}");
    try (var steps = Files.list(output.resolve("checkpoints"))) {
      assertThat(steps.map(p -> p.getFileName().toString()).sorted()).containsExactly("step-20", "step-30");
    }
    Manifest.verify(output.resolve("checkpoints/step-30"));
    assertThat(output.resolve("checkpoints/step-30/training/state.json")).exists();
  }

  @Test
  void aSourcedComponentKeepsItsTrainedWeights() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 40);
    Path teacher = dir.resolve("teacher");
    train(config, teacher);
    double best = log(teacher).stream().mapToDouble(row -> row.get("score").asDouble()).max().orElseThrow();

    Path sourced = dir.resolve("sourced.cfg");
    Files.writeString(sourced, Files.readString(config).replaceAll(
        "(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
        "[components.classifier]\nsource = \"" + teacher.resolve("model-best") + "\"\n\n[corpora]"));
    Path output = dir.resolve("further");
    train(sourced, output, "--training.max_steps", "5");
    assertThat(log(output).get(0).get("score").asDouble()).as("the score at step 0, before any update").isEqualTo(best);

    Files.writeString(sourced, Files.readString(sourced).replace("[components.classifier]\n",
        "[components.classifier]\ncomponent = \"tagger\"\n"));
    KilnRun missing = KilnRun.of("train", sourced.toString(), "--output", dir.resolve("missing").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("[E216] [components.classifier] takes its component from "
        + teacher.resolve("model-best") + ", but that pipeline has no component \"tagger\" (it has: classifier)");

    Files.writeString(sourced, Files.readString(sourced).replace(teacher.resolve("model-best").toString(), "/no/such/model"));
    KilnRun nowhere = KilnRun.of("train", sourced.toString(), "--output", dir.resolve("nowhere").toString());
    assertThat(nowhere.err()).startsWith("[E218] [components.classifier] source = \"/no/such/model\": there is no such directory");
  }

  @Test
  void aPipelineWithASourcedComponentLoadsWithoutItsSourceAndMetaSaysWhereItCameFrom() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 40);
    Path teacher = dir.resolve("teacher");
    train(config, teacher);
    Path sourced = dir.resolve("sourced.cfg");
    Files.writeString(sourced, Files.readString(config)
        .replace("pipeline = [\"classifier\"]", "pipeline = [\"renamed\"]")
        .replaceAll("(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
            "[components.renamed]\nsource = \"" + teacher.resolve("model-best") + "\"\ncomponent = \"classifier\"\n\n[corpora]"));
    Path output = dir.resolve("further");
    train(sourced, output, "--training.max_steps", "5");

    Path moved = Files.move(teacher, dir.resolve("moved"));
    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-best").toString(), dir.resolve("dev.jsonl").toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    assertThat(JSON.readTree(evaluated.out()).get("acc").asDouble()).isGreaterThan(0.5);
    assertThat(Files.readString(output.resolve("model-best/config.cfg")))
        .contains("[components.renamed]\nfactory = \"kiln.classifier\"").doesNotContain("source = ");
    assertThat(output.resolve("model-best/renamed/weights.safetensors")).exists();
    var origin = JSON.readTree(output.resolve("model-best/meta.json").toFile()).get("sourced").get("renamed");
    assertThat(origin.get("source").asText()).isEqualTo(teacher.resolve("model-best").toString());
    assertThat(origin.get("component").asText()).isEqualTo("classifier");

    Files.move(moved, teacher);
    KilnRun resumed = KilnRun.of("train", sourced.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "8");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).as("the saved config's sections in place of source = are no change")
        .contains("as they are: training.max_steps: 5 -> 8\n");
  }

  @Test
  void aComponentSourcedFromAPipelineThatStillSaysSourceFollowsTheChain() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 40);
    Path first = dir.resolve("first");
    train(config, first);
    String sourcing = Files.readString(config).replaceAll(
        "(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
        "[components.classifier]\nsource = \"SOURCE\"\n\n[corpora]");
    // A pipeline as kiln saved it before saved configs held sourced sections in full.
    Path old = dir.resolve("old");
    Files.createDirectories(old);
    Files.writeString(old.resolve("config.cfg"), sourcing.replace("SOURCE", first.resolve("model-best").toString()));
    Files.copy(first.resolve("model-best/meta.json"), old.resolve("meta.json"));
    Files.createDirectories(old.resolve("classifier"));
    for (String file : new String[] {"weights.safetensors", "labels.json"}) {
      Files.copy(first.resolve("model-best/classifier").resolve(file), old.resolve("classifier").resolve(file));
    }
    Manifest.of(old).write(old);

    Path sourced = Files.writeString(dir.resolve("sourced.cfg"), sourcing.replace("SOURCE", old.toString()));
    Path output = dir.resolve("further");
    train(sourced, output, "--training.max_steps", "3");
    assertThat(Files.readString(output.resolve("model-last/config.cfg")))
        .contains("[components.classifier]\nfactory = \"kiln.classifier\"");
  }

  @Test
  void everyNanPolicyKeepsTheSavedWeightsFinite() throws IOException {
    Path config = withAnOverflowingExample(TrainingFixture.write(dir, 5, 30));
    for (String policy : List.of("stop", "skip", "rollback")) {
      Path output = dir.resolve(policy);
      KilnRun run = train(config, output,
          "--training.hooks", "{\"nan\": {\"@hooks\": \"kiln.StopOnNaN.v1\", \"policy\": \"" + policy + "\", \"max_rollbacks\": 3}}");
      KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-last").toString(), dir.resolve("dev.jsonl").toString());
      assertThat(evaluated.exit()).as(evaluated.err()).isZero();
      assertThat(JSON.readTree(evaluated.out()).get("acc").asDouble()).as(policy).isGreaterThan(0.5);
      if (policy.equals("stop")) {
        assertThat(run.out()).contains("Stopped: hook: the loss is not finite at step");
      } else {
        assertThat(run.out()).as(policy).contains("Stopped: max_steps");
      }
    }
  }

  @Test
  void resumingARunStopOnNaNStoppedTrainsTheBadBatchAgainInsteadOfSkippingIt() throws IOException {
    Path config = withAnOverflowingExample(TrainingFixture.write(dir, 5, 30));
    Path output = dir.resolve("stopped");
    String stop = "{\"nan\": {\"@hooks\": \"kiln.StopOnNaN.v1\", \"policy\": \"stop\"}}";
    KilnRun first = train(config, output, "--training.hooks", stop);
    java.util.regex.Matcher stopped = java.util.regex.Pattern.compile("Stopped: hook: the loss is not finite at step (\\d+)")
        .matcher(first.out());
    assertThat(stopped.find()).as(first.out()).isTrue();
    long bad = Long.parseLong(stopped.group(1));
    // The step that was not applied does not count: model-last is the run as it was before it.
    assertThat(JSON.readTree(output.resolve("model-last/meta.json").toFile()).get("step").asLong()).isEqualTo(bad - 1);
    assertThat(JSON.readTree(output.resolve("model-last/training/state.json").toFile()).at("/loop/next_step").asLong())
        .isEqualTo(bad);
    Map<String, String> weights = weightHashes(output);

    KilnRun again = train(config, output, "--training.hooks", stop, "--resume");
    assertThat(again.out()).contains("at step " + bad + "\n").contains("Stopped: hook: the loss is not finite at step " + bad);
    assertThat(weightHashes(output)).as("the same batch stops the resumed run at the same step").isEqualTo(weights);

    // With the policy changed to skip, the resumed run is the run that skipped the batch from the start.
    String skip = "{\"nan\": {\"@hooks\": \"kiln.StopOnNaN.v1\", \"policy\": \"skip\"}}";
    train(config, output, "--training.hooks", skip, "--resume-force");
    Path skipping = dir.resolve("skipping");
    train(config, skipping, "--training.hooks", skip);
    assertThat(weightHashes(output)).isEqualTo(weightHashes(skipping));
  }

  /**
   * Adds one training example whose features are float32's largest: its activations overflow,
   * and its batches' loss is NaN. (A feature beyond float32's range is refused when read, E236.)
   */
  private Path withAnOverflowingExample(Path config) throws IOException {
    Files.writeString(dir.resolve("train.jsonl"), Files.readString(dir.resolve("train.jsonl"))
        + "{\"features\": [3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38, 3.4e38],"
        + " \"label\": \"c0\"}\n");
    return config;
  }

  /** The SHA-256 of every weights file of model-last and model-best, raw training weights included. */
  private static Map<String, String> weightHashes(Path output) throws IOException {
    Map<String, String> hashes = new java.util.TreeMap<>();
    try (var files = Files.walk(output)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().equals("weights.safetensors")) {
          hashes.put(output.relativize(file).toString(), Manifest.sha256(file));
        }
      }
    }
    return hashes;
  }

  @Test
  void anEmptyDevCorpusFollowsOnEmptyStream() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Files.writeString(dir.resolve("dev.jsonl"), "");
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", dir.resolve("a").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("[E207] the evaluation corpus corpora.dev (path \"" + dir.resolve("dev.jsonl")
        + "\") has no examples");
    assertThat(refused.out()).as("refused before the first step").doesNotContain("LOSS");
    assertThat(dir.resolve("a").resolve("model-last")).doesNotExist();
    train(config, dir.resolve("b"), "--training.on_empty_stream", "ignore");
  }

  @Test
  void aDataMistakeFoundBeforeTrainingLeavesThePreviousRunsModels() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path output = dir.resolve("kept");
    train(config, output);
    byte[] best = Files.readAllBytes(output.resolve("model-best/classifier/weights.safetensors"));
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    for (String paths : new String[] {"--paths.dev", "--paths.train"}) {
      KilnRun refused = KilnRun.of("train", config.toString(), "--output", output.toString(), paths, empty.toString());
      assertThat(refused.exit()).as(paths).isEqualTo(2);
      assertThat(Files.readAllBytes(output.resolve("model-best/classifier/weights.safetensors"))).as(paths).isEqualTo(best);
      assertThat(output.resolve("model-last/manifest.json")).as(paths).exists();
    }
  }

  @Test
  void anEmptyTrainingCorpusIsRefusedBeforeTheComponentsInitializeOrAResumedRunReadsIt() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    train(config, dir.resolve("b"));
    Files.writeString(dir.resolve("train.jsonl"), "");
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", dir.resolve("a").toString());
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", dir.resolve("b").toString(), "--resume-force",
        "--training.max_steps", "9");
    for (KilnRun run : List.of(refused, resumed)) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("[E248] the training corpus corpora.train (path \"" + dir.resolve("train.jsonl")
          + "\") has no examples").doesNotContain("\tat ");
    }
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPipeForTrainingDataIsRefusedBeforeItIsRead() throws Exception {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path pipe = dir.resolve("train-pipe");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", dir.resolve("a").toString(),
        "--paths.train", pipe.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E219] " + pipe + " is a pipe, not a file: kiln reads its data more than once")
        .doesNotContain("\tat ");
    // /dev/null reads empty every time: an empty dev corpus, as before.
    train(config, dir.resolve("b"), "--paths.dev", "/dev/null", "--training.on_empty_stream", "ignore");
    // A corpus that names its file itself, not through [paths], is checked as well.
    KilnRun direct = KilnRun.of("train", config.toString(), "--output", dir.resolve("c").toString(),
        "--corpora.train.path", pipe.toString());
    assertThat(direct.exit()).isEqualTo(2);
    assertThat(direct.err()).startsWith("[E219] " + pipe + " is a pipe");
  }

  @Test
  void aCorpusThatNamesItsFileItselfIsFingerprintedInMeta() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path copy = Files.copy(dir.resolve("train.jsonl"), dir.resolve("own-train.jsonl"));
    train(config, dir.resolve("out"), "--corpora.train.path", copy.toString());
    JsonNode data = JSON.readTree(dir.resolve("out/model-last/meta.json").toFile()).at("/provenance/data");
    assertThat(data.has(copy.toString())).as(data.toString()).isTrue();
    assertThat(data.get(copy.toString()).get("size").asLong()).isEqualTo(Files.size(copy));
  }

  @Test
  void anOutputPathThatIsAFileIsRefusedBeforeTraining() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", file.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("[E212] cannot write " + file + ": it is not a directory")
        .doesNotContain("Training failed");
  }

  @Test
  void aTrainingRecordWithoutALabelIsRefusedByItsNumberBeforeTraining() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 20);
    Path train = dir.resolve("train.jsonl");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(train));
    lines.set(2, lines.get(2).replaceFirst(", \"label\": \"c[0-9]\"", ""));
    Files.write(train, lines);

    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("out").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("[E254] component classifier: record 3 of the training corpus has no label")
        .doesNotContain("Exception");
    assertThat(dir.resolve("out/model-last")).doesNotExist();
  }
}
