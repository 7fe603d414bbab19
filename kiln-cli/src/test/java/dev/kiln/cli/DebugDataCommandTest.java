package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln debug data} on small corpora of a generated textcat + ner config: the report's exact text and the exit status. */
class DebugDataCommandTest {
  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void generateConfig() {
    config = dir.resolve("config.cfg");
    assertThat(KilnRun.of("init", "config", config.toString(), "--pipeline", "textcat,ner").exit()).isZero();
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private KilnRun debug(Path train, Path dev, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("debug", "data", config.toString(), "--paths.train", train.toString(),
        "--paths.dev", dev.toString()));
    args.addAll(List.of(extra));
    return KilnRun.of(args.toArray(String[]::new));
  }

  @Test
  void problemsInTheDataAreReportedAndErrorsExitWith2() throws IOException {
    Path train = write("train.jsonl",
        "{\"text\": \"Acme Corp hired Bob Smith.\", \"entities\": [[0, 9, \"ORG\"], [16, 25, \"PERSON\"]], \"cats\": {\"POS\": 1, \"NEG\": 0}}",
        "{\"text\": \"Acme Corp is big.\", \"entities\": [[0, 9, \"ORG\"], [5, 9, \"ORG\"]], \"cats\": {\"POS\": 1, \"NEG\": 0}}",
        "{\"text\": \"\", \"cats\": {\"POS\": 0, \"NEG\": 1}}",
        "{\"text\": \"Bobby went home.\", \"entities\": [[0, 3, \"PERSON\"]], \"cats\": {\"POS\": 0, \"NEG\": 1}}");
    Path dev = write("dev.jsonl",
        "{\"text\": \"Paris is nice.\", \"entities\": [[0, 5, \"GPE\"]], \"cats\": {\"POS\": 0, \"NEG\": 0, \"SPORT\": 1}}",
        "{\"text\": \"Bob Smith left.\", \"entities\": [[0, 9, \"PERSON\"]], \"cats\": {\"POS\": 0, \"NEG\": 1}}");
    KilnRun run = debug(train, dev, "--verbose");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEqualTo("""
        =============================== Training stats ===============================
        ℹ Pipeline components: tok2vec, textcat, ner
        ℹ 4 training docs (15 words), 2 evaluation docs (8 words)
        ⚠ 1 empty doc in the training data:
          doc 3: ""
        ✔ No empty docs in the evaluation data

        ============================ Text Classification =============================
        ℹ 3 categories
          Category   train     dev
          NEG            2       1
          POS            2       0
          SPORT          0       1
        ⚠ The evaluation data has categories the training data lacks: SPORT
        ✔ Every doc has exactly one true category, as textcat needs

        ========================== Named Entity Recognition ==========================
        ℹ 3 entity labels
          Entity label   train     dev
          GPE                0       1
          ORG                3       0
          PERSON             2       1
        ⚠ The evaluation data has entity labels the training data lacks: GPE
        ✘ 1 pair of overlapping entity spans in the training data:
          doc 2: [0, 9, ORG] and [5, 9, ORG] in "Acme Corp is big."
        ⚠ 1 entity span not on token boundaries in the training data (W300: their tokens are not trained on):
          doc 4: [0, 3, PERSON] "Bob" in "Bobby went home."
        ✔ No entity spans with leading or trailing whitespace in the training data
        ✔ No overlapping entity spans in the evaluation data
        ✔ All entity spans align with token boundaries in the evaluation data
        ✔ No entity spans with leading or trailing whitespace in the evaluation data

        ================================== Summary ===================================
        ✔ 6 checks passed
        ⚠ 4 warnings
        ✘ 1 error
        """);
    assertThat(run.err()).endsWith("[E403] kiln debug data found 1 error(s) and 4 warning(s) in the data: see the lines"
        + " marked ✘ in the report. Fix the data (kiln debug data --verbose lists the documents) and run it again.\n");

    KilnRun brief = debug(train, dev);
    assertThat(brief.out()).contains("✘ 1 pair of overlapping entity spans in the training data (--verbose lists them)\n")
        .doesNotContain("doc 2:");
  }

  @Test
  void warningsAloneExitWith0() throws IOException {
    Path train = write("train.jsonl", "{\"text\": \"Bob left.\", \"entities\": [[0, 3, \"PERSON\"]], \"cats\": {\"POS\": 1, \"NEG\": 0}}",
        "{\"text\": \"Ann came.\", \"entities\": [[0, 3, \"PERSON\"]], \"cats\": {\"POS\": 0, \"NEG\": 1}}");
    Path dev = write("dev.jsonl", "{\"text\": \"Ann left.\", \"entities\": [[0, 3, \"PERSON\"]], \"cats\": {\"POS\": 0, \"NEG\": 1}}",
        "{\"text\": \" \", \"cats\": {\"POS\": 0, \"NEG\": 1}}");
    KilnRun run = debug(train, dev);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("⚠ 1 empty doc in the evaluation data (--verbose lists them)\n")
        .endsWith("✔ 10 checks passed\n⚠ 1 warning\n✘ 0 errors\n");
  }

  @Test
  void dataWithoutWhatAComponentLearnsFailsAsTrainingWould() throws IOException {
    Path plain = write("plain.jsonl", "{\"text\": \"Bob left.\"}", "{\"text\": \"Ann came.\"}");
    KilnRun run = debug(plain, plain);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("✘ The training data has no categories (\"cats\"), so textcat has nothing to learn (E326)",
        "✘ The training data has no entities, so ner has nothing to learn (E314)")
        .doesNotContain("Every doc has exactly one true category");
    KilnRun train = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--paths.train", plain.toString(), "--paths.dev", plain.toString());
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err()).startsWith("[E326] component textcat: the training data has no categories");
  }

  @Test
  void unsetPathsAreACodedError() {
    KilnRun run = KilnRun.of("debug", "data", config.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E338] the kiln.TextJsonl.v1 corpus has no path (it is null).");
  }

  @Test
  void aTabularConfigIsRefusedWithOneCodedMessage() throws IOException {
    Path tabular = Files.createDirectories(dir.resolve("tabular"));
    Path tableConfig = TabularFixture.write(tabular, "kiln.tabular_classifier", false);
    KilnRun run = KilnRun.of("debug", "data", tableConfig.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("[E404] kiln debug data reports on text corpora, but "
        + "corpora.train reads TableRow records").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }
}
