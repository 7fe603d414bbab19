package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.Registered;
import dev.kiln.config.Registries;
import dev.kiln.train.Datum;
import dev.kiln.train.InitCallback;
import dev.kiln.train.Labelled;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spaCy's {@code [initialize]} in training: labels given to a component, its callbacks, and
 * the settings kiln cannot act on refused rather than ignored.
 */
class InitializeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** The spam example's textcat weights after 30 steps, with labels collected from the data. */
  private static final String SPAM_AFTER_30_STEPS = "183f289a93287da2d773b587ca5aba2233bb9256d2c146ad2a10509e214313e7";

  @TempDir Path dir;

  /** The spam example's config with {@code initialize} appended, reading the bundled data wherever the test runs. */
  private Path spamConfig(String name, String initialize) throws IOException {
    String config = Files.readString(ROOT.resolve("examples/spam/config.cfg"))
        .replace("\"examples/spam/", "\"" + ROOT.resolve("examples/spam") + "/");
    return Files.writeString(dir.resolve(name), config + "\n" + initialize);
  }

  private String spamWeightsAfter30Steps(Path config) throws IOException {
    Path output = dir.resolve(config.getFileName() + ".out");
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(), "--training.max_steps", "30");
    assertThat(run.exit()).as(run.err()).isZero();
    return Manifest.sha256(output.resolve("model-last/textcat/weights.safetensors"));
  }

  @Test
  void labelsGivenAsTheDataHasThemTrainTheSpamExampleToTheSameWeights() throws IOException {
    Path labels = dir.resolve("labels");
    KilnRun written = KilnRun.of("init", "labels", spamConfig("plain.cfg", "").toString(), labels.toString());
    assertThat(written.exit()).as(written.err()).isZero();
    assertThat(Files.readString(labels.resolve("textcat.json"))).isEqualTo("[\n  \"HAM\",\n  \"SPAM\"\n]\n");

    assertThat(spamWeightsAfter30Steps(spamConfig("plain.cfg", ""))).isEqualTo(SPAM_AFTER_30_STEPS);
    assertThat(spamWeightsAfter30Steps(spamConfig("listed.cfg", """
        [initialize]

        [initialize.components]

        [initialize.components.textcat]
        labels = ["SPAM", "HAM"]
        """))).isEqualTo(SPAM_AFTER_30_STEPS);
    assertThat(spamWeightsAfter30Steps(spamConfig("read.cfg", """
        [initialize]

        [initialize.components]

        [initialize.components.textcat]

        [initialize.components.textcat.labels]
        @readers = "spacy.read_labels.v1"
        path = "%s"
        require = true
        """.formatted(labels.resolve("textcat.json"))))).isEqualTo(SPAM_AFTER_30_STEPS);
  }

  @Test
  void aReaderOfDataGivenAsLabelsIsRefusedBeforeTrainingInsteadOfIgnored() throws IOException {
    // The gap this closes: such a config trained with [initialize] silently ignored.
    Path config = spamConfig("corpus-as-labels.cfg", """
        [initialize]
        vectors = null

        [initialize.components]

        [initialize.components.textcat]

        [initialize.components.textcat.labels]
        @readers = "kiln.TextJsonl.v1"
        path = "x.json"
        """);
    Path output = dir.resolve("out");

    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(), "--training.max_steps", "2");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E260] " + config + ": [initialize.components.textcat] labels must be a non-empty"
        + " list of label names or a call of a labels reader, found a call of kiln.TextJsonl.v1, which gives a Corpus.")
        .doesNotContain("\tat ");
    assertThat(output).doesNotExist();
    KilnRun debugged = KilnRun.of("debug", "config", config.toString());
    assertThat(debugged.exit()).isEqualTo(2);
    assertThat(debugged.err()).startsWith("[E260] ");
  }

  @Test
  void spacySettingsKilnCannotActOnAreRefusedNamingThem() throws IOException {
    KilnRun vectors = KilnRun.of("train", spamConfig("vectors.cfg", "[initialize]\nvectors = \"en_core_web_lg\"\n").toString(),
        "--output", dir.resolve("a").toString());
    assertThat(vectors.exit()).isEqualTo(2);
    assertThat(vectors.err()).startsWith("[E255] ").contains("[initialize] vectors = \"en_core_web_lg\"");

    KilnRun lookups = KilnRun.of("train", spamConfig("lookups.cfg",
        "[initialize]\n\n[initialize.lookups]\n@misc = \"spacy.LookupsDataLoader.v1\"\nlang = \"en\"\n").toString(),
        "--output", dir.resolve("b").toString());
    assertThat(lookups.err()).as("refused as unsupported, not as an unknown registry").startsWith("[E255] ");

    KilnRun spacyDefaults = KilnRun.of("train", spamConfig("defaults.cfg", """
        [initialize]
        vectors = null
        init_tok2vec = null
        vocab_data = null
        lookups = null
        before_init = null
        after_init = null

        [initialize.components]

        [initialize.tokenizer]
        """).toString(), "--output", dir.resolve("c").toString(), "--training.max_steps", "1");
    assertThat(spacyDefaults.exit()).as(spacyDefaults.err()).isZero();
  }

  @Test
  void labelsForASourcedComponentAreRefusedSinceItKeepsItsOwn() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path teacher = dir.resolve("teacher");
    assertThat(KilnRun.of("train", config.toString(), "--output", teacher.toString()).exit()).isZero();
    Path sourced = dir.resolve("sourced.cfg");
    Files.writeString(sourced, Files.readString(config).replaceAll(
        "(?s)\\[components.classifier\\]\nfactory = \"kiln.classifier\"\n.*?\n\\[corpora\\]",
        "[components.classifier]\nsource = \"" + teacher.resolve("model-best") + "\"\n\n[corpora]")
        + "\n[initialize]\n\n[initialize.components]\n\n[initialize.components.classifier]\nlabels = [\"c0\", \"c1\"]\n");

    KilnRun refused = KilnRun.of("train", sourced.toString(), "--output", dir.resolve("further").toString());

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).startsWith("[E259] " + sourced + ": [initialize.components.classifier] gives settings for"
        + " component classifier, but it is sourced from a trained pipeline");
  }

  @Test
  void aResumedRunReadsNoLabelsAndEndsAsAnUninterruptedOne() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 17);
    Path labels = dir.resolve("labels");
    assertThat(KilnRun.of("init", "labels", config.toString(), labels.toString()).exit()).isZero();
    Files.writeString(config, Files.readString(config) + "\n[initialize]\n\n[initialize.components]\n\n"
        + "[initialize.components.classifier]\n\n[initialize.components.classifier.labels]\n"
        + "@readers = \"kiln.read_labels.v1\"\npath = \"" + labels.resolve("classifier.json") + "\"\nrequire = true\n");
    KilnRun whole = KilnRun.of("train", config.toString(), "--output", dir.resolve("whole").toString());
    assertThat(whole.exit()).as(whole.err()).isZero();

    Path output = dir.resolve("abandoned");
    try (TrainingSession<Datum> session = Trainer.session(filled(config, Registries.load()), Registries.load(),
        quietly(output))) {
      session.run(8);
    }
    Files.delete(labels.resolve("classifier.json"));
    try (TrainingSession<Datum> resumed = Trainer.session(filled(config, Registries.load()), Registries.load(),
        quietly(output).resuming(false))) {
      resumed.run(Long.MAX_VALUE);
      resumed.finish();
    }

    assertThat(Files.readAllBytes(output.resolve("model-last/classifier/weights.safetensors")))
        .isEqualTo(Files.readAllBytes(dir.resolve("whole/model-last/classifier/weights.safetensors")));
    KilnRun fresh = KilnRun.of("train", config.toString(), "--output", dir.resolve("fresh").toString());
    assertThat(fresh.err()).as("a new run does need the file").contains("[E262] labels file");
  }

  /** Callbacks that record, in order, which ran and the labels the classifier had then. */
  public static final class RecordingCallbacks {
    static final List<String> CALLS = new ArrayList<>();

    @Registered(category = "callbacks", name = "test.record_init.v1")
    public static InitCallback record(String name) {
      return pipeline -> CALLS.add(name + " " + ((Labelled<?>) pipeline.components().get(0)).labels());
    }
  }

  @Test
  void beforeInitAndAfterInitRunAroundInitializeAndNotWhenResuming() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 12);
    Files.writeString(config, Files.readString(config) + "\n[initialize]\n\n[initialize.before_init]\n"
        + "@callbacks = \"test.record_init.v1\"\nname = \"before\"\n\n[initialize.after_init]\n"
        + "@callbacks = \"test.record_init.v1\"\nname = \"after\"\n");
    Registries registries = Registries.load();
    registries.addAll(RecordingCallbacks.class);
    RecordingCallbacks.CALLS.clear();
    Path output = dir.resolve("run");

    try (TrainingSession<Datum> session = Trainer.session(filled(config, registries), registries, quietly(output))) {
      session.run(7);
    }
    assertThat(RecordingCallbacks.CALLS).containsExactly("before []", "after [c0, c1, c2]");
    try (TrainingSession<Datum> resumed = Trainer.session(filled(config, registries), registries,
        quietly(output).resuming(false))) {
      resumed.run(Long.MAX_VALUE);
      resumed.finish();
    }
    assertThat(RecordingCallbacks.CALLS).as("resuming initializes nothing").hasSize(2);
  }

  @Test
  void fillingWritesTheInitializeDefaultsOnlyWhereThereIsAnInitializeSection() throws IOException {
    Path with = spamConfig("with.cfg", """
        [initialize]

        [initialize.components]

        [initialize.components.textcat]

        [initialize.components.textcat.labels]
        @readers = "kiln.read_labels.v1"
        path = "labels/textcat.json"
        """);
    KilnRun filled = KilnRun.of("init", "fill-config", with.toString(), "-");
    assertThat(filled.exit()).as(filled.err()).isZero();
    assertThat(filled.out()).contains("[initialize]\nbefore_init = null\nafter_init = null\n")
        .contains("path = \"labels/textcat.json\"\nrequire = false\n");

    KilnRun without = KilnRun.of("init", "fill-config", spamConfig("without.cfg", "").toString(), "-");
    assertThat(without.out()).doesNotContain("[initialize]");
  }

  private static TrainingConfig filled(Path config, Registries registries) {
    return TrainingConfig.fill(Config.read(config), Map.of(), registries);
  }

  private static TrainOptions quietly(Path output) {
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    return new TrainOptions(output, false, false, quiet, quiet, false, new AtomicBoolean());
  }
}
