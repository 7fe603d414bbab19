package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.train.Datum;
import dev.kiln.train.TrainOptions;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.TrainingSession;
import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components taken from trained pipelines ({@code [components.X] source = ...}) in the ways a
 * spaCy user takes them: renamed, frozen, annotating, several from one pipeline, through a
 * pipeline that was itself sourced, listening to a tok2vec, resumed after the source is gone or
 * has changed, and from folders that are not pipelines.
 */
class SourcedComponentsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Registries REGISTRIES = Registries.load();
  /** The files of a finished run that an interrupted and resumed one must reproduce byte for byte. */
  private static final List<String> RUN_FILES = List.of("model-last/renamed/weights.safetensors",
      "model-last/training/weights/renamed/weights.safetensors", "model-last/training/optimizer",
      "model-best/renamed/weights.safetensors", "model-last/config.cfg", "model-last/meta.json");

  @TempDir Path dir;

  @Test
  void aResumedRunNeedsNoSourceAndEndsAsAnUninterruptedRun() throws IOException {
    Path teacher = trainTeacher(40);
    Path config = sourcing(teacher);
    Path reference = train(config, dir.resolve("reference"));
    Path cut = trainToSecondCheckpoint(config, dir.resolve("cut"));

    Files.move(teacher.getParent(), dir.resolve("moved"));
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", cut.toString(), "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertSameRun(cut, reference);
    assertThat(JSON.readTree(cut.resolve("model-last/meta.json").toFile()).at("/sourced/renamed/source").asText())
        .isEqualTo(teacher.toString());
  }

  @Test
  void aResumeIsRefusedWhenTheSourceChangedSinceTheRunStartedAndForcedGoesOnFromModelLast() throws IOException {
    Path teacher = trainTeacher(40);
    Path config = sourcing(teacher);
    Path reference = train(config, dir.resolve("reference"));
    Path cut = trainToSecondCheckpoint(config, dir.resolve("cut"));
    String fingerprint = JSON.readTree(cut.resolve("model-last/meta.json").toFile())
        .at("/sourced/renamed/manifest_sha256").asText();
    assertThat(fingerprint).isEqualTo(Manifest.sha256(teacher.resolve("manifest.json")));

    trainTeacher(30);
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", cut.toString(), "--resume");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E225] cannot resume from " + cut.resolve("model-last") + ": the pipeline "
        + teacher + " that renamed was taken from changed since (its manifest.json differs)").doesNotContain("\tat ");

    KilnRun forced = KilnRun.of("train", config.toString(), "--output", cut.toString(), "--resume-force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertSameRun(cut, reference);
  }

  /** Regression: looking a source up recovered it as its writer would, deleting the staging folder of a run writing it. */
  @Test
  void aSourceThatARunIsCommittingIsReadWithoutBeingChanged() throws IOException {
    Path teacher = trainTeacher(10);
    Path config = sourcing(teacher);
    // The source's run was killed after moving model-best aside, while writing its next version.
    Files.move(teacher, teacher.resolveSibling(".model-best.old"));
    Path staging = Files.createDirectories(teacher.resolveSibling(".model-best.new/classifier"));
    Files.writeString(staging.resolve("weights.safetensors"), "half");

    Path run = train(config, dir.resolve("run"));

    assertThat(teacher).doesNotExist();
    assertThat(staging.resolve("weights.safetensors")).hasContent("half");
    assertThat(JSON.readTree(run.resolve("model-last/meta.json").toFile()).at("/sourced/renamed/manifest_sha256").asText())
        .isEqualTo(Manifest.sha256(teacher.resolveSibling(".model-best.old/manifest.json")));
  }

  @Test
  void aSourceGivenThroughPathsIsAPipelineNotDataAndAResumeDoesNotNeedIt() throws IOException {
    Path teacher = trainTeacher(40);
    Path config = Files.writeString(dir.resolve("paths.cfg"), Files.readString(sourcing(teacher))
        .replace("[paths]\n", "[paths]\nbase_model = \"" + teacher + "\"\n")
        .replace("source = \"" + teacher + "\"", "source = ${paths.base_model}"));
    Path output = train(config, dir.resolve("run"), "--training.max_steps", "10");
    JsonNode data = JSON.readTree(output.resolve("model-last/meta.json").toFile()).at("/provenance/data");
    data.fieldNames().forEachRemaining(file -> assertThat(file).as("a data file").doesNotStartWith(teacher.getParent().toString()));

    Files.move(teacher.getParent(), dir.resolve("moved"));
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "10");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
  }

  @Test
  void anotherSourceInTheConfigIsAConfigChangeThatSaysWhichKey() throws IOException {
    Path teacher = trainTeacher(40);
    Path config = sourcing(teacher);
    Path output = train(config, dir.resolve("run"), "--training.max_steps", "10");
    Path copy = dir.resolve("copy/model-best");
    Files.createDirectories(copy);
    try (var files = Files.list(teacher)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        copyTree(file, copy.resolve(file.getFileName()));
      }
    }
    Files.writeString(config, Files.readString(config).replace(teacher.toString(), copy.toString()));
    KilnRun refused = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "10");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E225]")
        .contains("the config changed (components.renamed.source: \"" + teacher + "\" -> \"" + copy + "\")");
  }

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

  @Test
  void sourcesThatAreNoSavedKilnPipelinesAreCodedErrorsNamingTheComponent() throws IOException {
    Path teacher = trainTeacher(10);
    Path config = sourcing(teacher);
    String text = Files.readString(config);
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path spacyLike = Files.createDirectories(dir.resolve("spacy-like"));
    Files.copy(teacher.resolve("config.cfg"), spacyLike.resolve("config.cfg"));
    Path file = Files.writeString(dir.resolve("file.txt"), "not a pipeline");
    String section = "[components.renamed] source = \"";

    assertRefused(text.replace(teacher.toString(), dir.resolve("nothing").toString()), dir.resolve("out"),
        "[E218] " + section + dir.resolve("nothing") + "\": there is no such directory");
    assertRefused(text.replace(teacher.toString(), file.toString()), dir.resolve("out"),
        "[E287] " + section + file + "\" is not a saved kiln pipeline: it is a file, not a folder.");
    assertRefused(text.replace(teacher.toString(), plain.toString()), dir.resolve("out"),
        "[E287] " + section + plain + "\" is not a saved kiln pipeline: it has no config.cfg.");
    assertRefused(text.replace(teacher.toString(), teacher.getParent().toString()), dir.resolve("out"),
        "[E287] " + section + teacher.getParent() + "\" is not a saved kiln pipeline: it is the output folder of a kiln"
            + " train run, which holds its pipelines in model-best and model-last (source = \"" + teacher + "\", for one).");
    assertRefused(text.replace(teacher.toString(), spacyLike.toString()), dir.resolve("out"),
        "[E287] " + section + spacyLike + "\" is not a saved kiln pipeline: it has a config.cfg but no manifest.json");
    assertRefused(text.replace("component = \"classifier\"\n", "component = \"classifier\"\nreplace_listeners = [\"model.tok2vec\"]\n"),
        dir.resolve("out"), "[E286] [components.renamed] replace_listeners = [\"model.tok2vec\"]: kiln cannot yet give");
    Path loop = Files.createDirectories(dir.resolve("loop"));
    Files.writeString(loop.resolve("config.cfg"), text.replace(teacher.toString(), loop.toString()).replace("renamed", "classifier"));
    Manifest.of(loop).write(loop);
    assertRefused(text.replace(teacher.toString(), loop.toString()), dir.resolve("out"),
        "[E287] " + section + loop + "\" is not a saved kiln pipeline: its config takes the component classifier from a"
            + " chain of pipelines that leads back to itself");
    assertRefused(text, teacher.getParent(), "[E288] " + section + teacher + "\" lies in the output directory "
        + teacher.getParent() + ", which the run clears");
    // spaCy builds a section with both from its factory and drops the source without a word.
    assertRefused(text.replace("component = \"classifier\"\n", "component = \"classifier\"\nfactory = \"kiln.classifier\"\n"),
        dir.resolve("out"), "[E291] " + dir.resolve("refused.cfg") + ": [components.renamed] has both factory = \"kiln.classifier\" and source = \""
            + teacher + "\"");
    assertThat(teacher.resolve("manifest.json")).as("the source, untouched").exists();
  }

  /**
   * The tagger example's tok2vec taken frozen (and annotating, so its listener gets its vectors)
   * and its tagger taken under another name from the same pipeline, which is verified once: the
   * pipeline trains, evaluates, predicts and resumes without its source, and the frozen tok2vec
   * keeps the weights it was taken with.
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
    KilnRun resumed = KilnRun.of(withTaggerData("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "4", "--training.eval_frequency", "2"));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
  }

  @Test
  void aSourcedListenerBesideANewTok2VecIsWarnedOf() throws Exception {
    Path source = trainTagger(dir.resolve("source"), 2).resolve("model-last");
    Path config = Files.writeString(dir.resolve("sourced.cfg"), tagger()
        .replace("[components.tagger]\nfactory = \"tagger\"\n", "[components.tagger]\nsource = \"" + source + "\"\n"));
    Path log = dir.resolve("train.log");
    int exit = KilnProcess.run(log, withTaggerData("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--training.max_steps", "2"));
    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("component tagger was taken from " + source + ", where it learned on the"
        + " vectors of that pipeline's tok2vec, but here it listens to the tok2vec \"tok2vec\", which is new");
  }

  /** Trains the fixture (into {@code dir/teacher}) for {@code steps} steps; returns its model-best. */
  private Path trainTeacher(int steps) throws IOException {
    Path config = TrainingFixture.write(dir, 10, steps);
    return train(config, dir.resolve("teacher")).resolve("model-best");
  }

  /** The fixture's config with its classifier taken from {@code source}, named "renamed" here. */
  private Path sourcing(Path source) throws IOException {
    return Files.writeString(dir.resolve("sourced.cfg"), Files.readString(dir.resolve("config.cfg"))
        .replace("pipeline = [\"classifier\"]", "pipeline = [\"renamed\"]")
        .replaceAll("max_steps = \\d+", "max_steps = 20").replaceAll("eval_frequency = \\d+", "eval_frequency = 5")
        .replaceAll("(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
            "[components.renamed]\nsource = \"" + source + "\"\ncomponent = \"classifier\"\n\n[corpora]"));
  }

  private static Path train(Path config, Path output, String... overrides) {
    List<String> args = new ArrayList<>(List.of("train", config.toString(), "--output", output.toString()));
    args.addAll(List.of(overrides));
    KilnRun run = KilnRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return output;
  }

  /**
   * Runs {@code config} through the Java API until its second evaluation (step 5) and ends the
   * session there, as a kill after that checkpoint would: model-last is step 5's.
   */
  private static Path trainToSecondCheckpoint(Path config, Path output) {
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    TrainOptions options = new TrainOptions(output, false, false, quiet, quiet, false, new AtomicBoolean());
    try (TrainingSession<Datum> session = Trainer.session(
        TrainingConfig.fill(Config.read(config), Map.of(), REGISTRIES), REGISTRIES, options)) {
      session.nextCheckpoint();
      assertThat(session.nextCheckpoint().orElseThrow().info().step()).isEqualTo(5);
    }
    return output;
  }

  private static void assertSameRun(Path run, Path reference) throws IOException {
    for (String file : RUN_FILES) {
      Path path = run.resolve(file);
      if (Files.isDirectory(path)) {
        try (var files = Files.list(path)) {
          for (Path inside : (Iterable<Path>) files::iterator) {
            assertThat(Files.readAllBytes(inside)).as(inside.toString())
                .isEqualTo(Files.readAllBytes(reference.resolve(file).resolve(inside.getFileName())));
          }
        }
      } else {
        assertThat(Manifest.sha256(path)).as(file).isEqualTo(Manifest.sha256(reference.resolve(file)));
      }
    }
  }

  private void assertRefused(String config, Path output, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("refused.cfg"), config);
    KilnRun run = KilnRun.of("train", file.toString(), "--output", output.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith(message).doesNotContain("\tat ");
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

  private static void copyTree(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      Files.createDirectories(to);
      try (var files = Files.list(from)) {
        Iterator<Path> inside = files.iterator();
        while (inside.hasNext()) {
          Path file = inside.next();
          copyTree(file, to.resolve(file.getFileName()));
        }
      }
    } else {
      Files.copy(from, to);
    }
  }
}
