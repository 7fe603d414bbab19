package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln init labels CONFIG OUT_DIR}, spaCy's {@code init labels}. */
class InitLabelsCommandTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void writesTheLabelsOfEachComponentThatHasLabelsAndSaysWhichHaveNone() throws IOException {
    Path out = dir.resolve("labels");

    KilnRun run = KilnRun.of("init", "labels", ROOT.resolve("examples/ner/config.cfg").toString(), out.toString(),
        "--paths.train", ROOT.resolve("examples/ner/train.jsonl").toString(),
        "--paths.dev", ROOT.resolve("examples/ner/dev.jsonl").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("No labels for component 'tok2vec'\nSaved 3 labels of component 'ner' to "
        + out.resolve("ner.json") + "\n");
    assertThat(Files.readString(out.resolve("ner.json"))).isEqualTo("[\n  \"GPE\",\n  \"ORG\",\n  \"PERSON\"\n]\n");
    assertThat(out.resolve("tok2vec.json")).doesNotExist();
  }

  @Test
  void writesAClassifiersLabelsFromItsTrainingData() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);

    KilnRun run = KilnRun.of("init", "labels", config.toString(), dir.resolve("labels").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("labels/classifier.json"))).isEqualTo("[\n  \"c0\",\n  \"c1\",\n  \"c2\"\n]\n");
  }

  @Test
  void anOutputThatIsAFileOrABadConfigIsAUserError() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 5);
    Path file = Files.writeString(dir.resolve("labels.json"), "[]");

    KilnRun toFile = KilnRun.of("init", "labels", config.toString(), file.toString());
    assertThat(toFile.exit()).isEqualTo(2);
    assertThat(toFile.err()).isEqualTo("[E414] " + file + " is a file, but kiln init labels writes one NAME.json per"
        + " component into a directory. Give the path of a directory (it is made if missing).\n");

    KilnRun empty = KilnRun.of("init", "labels", config.toString(), dir.resolve("out").toString(),
        "--paths.train", Files.writeString(dir.resolve("empty.jsonl"), "").toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).startsWith("[E248] the training corpus corpora.train").doesNotContain("\tat ");
    assertThat(dir.resolve("out")).as("nothing is written for a config that fails").doesNotExist();

    Files.writeString(config, Files.readString(config) + "\n[initialize]\ninit_tok2vec = \"pretrained.bin\"\n");
    KilnRun unsupported = KilnRun.of("init", "labels", config.toString(), dir.resolve("out").toString());
    assertThat(unsupported.exit()).isEqualTo(2);
    assertThat(unsupported.err()).startsWith("[E255] ").doesNotContain("\tat ");
  }
}
