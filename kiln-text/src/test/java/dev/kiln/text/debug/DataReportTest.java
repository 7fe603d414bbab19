package dev.kiln.text.debug;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.text.Doc;
import dev.kiln.text.TextRegistry;
import dev.kiln.text.tagger.NegativeTags;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataReportTest {
  @TempDir Path dir;

  private Corpus<Doc> jsonl(String name, String... lines) throws IOException {
    return TextRegistry.textJsonl(Files.write(dir.resolve(name), List.of(lines)), 0);
  }

  @Test
  void taggerDataListsTagCountsAndDevTagsUnseenInTraining() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl", "{\"words\": [\"I\", \"run\"], \"tags\": [\"PRON\", \"VERB\"]}",
        "{\"words\": [\"you\", \"run\"], \"tags\": [\"PRON\", \"VERB\"]}");
    Corpus<Doc> dev = jsonl("dev.jsonl", "{\"words\": [\"a\", \"dog\", \"runs\"], \"tags\": [\"DET\", \"NOUN\", \"VERB\"]}");
    DataReport report = DataReport.of(train, dev, List.of("tok2vec", "tagger"), false);
    assertThat(report.text()).isEqualTo("""
        =============================== Training stats ===============================
        ℹ Pipeline components: tok2vec, tagger
        ℹ 2 training docs (4 words), 1 evaluation doc (3 words)
        ✔ No empty docs in the training data
        ✔ No empty docs in the evaluation data

        =========================== Part-of-speech Tagging ===========================
        ℹ 4 tags
          Tag    train     dev
          DET        0       1
          NOUN       0       1
          PRON       2       0
          VERB       2       1
        ⚠ The evaluation data has tags the training data lacks: DET, NOUN

        ================================== Summary ===================================
        ✔ 2 checks passed
        ⚠ 1 warning
        ✘ 0 errors
        """);
    assertThat(report.errors()).isZero();
    assertThat(report.warnings()).isEqualTo(1);
  }

  @Test
  void anEmptyTagIsUnknownAsInSpacyNotALabelOfTheTable() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl", "{\"words\": [\"I\", \"like\", \"it\"], \"tags\": [\"PRON\", \"\", \"PRON\"]}");
    Corpus<Doc> dev = jsonl("dev.jsonl", "{\"words\": [\"you\", \"run\"], \"tags\": [\"_\", \"-\"]}");
    DataReport report = DataReport.of(train, dev, List.of("tagger"), false);
    assertThat(report.text()).contains("""
        ℹ 1 tag
          Tag    train     dev
          PRON       2       0
        ℹ 1 training token and 2 evaluation tokens without a tag ("", "-" or "_": not trained on or scored)
        ✔ Every tag of the evaluation data is in the training data
        """);
    DataReport untaggedOnly = DataReport.of(dev, dev, List.of("tagger"), false);
    assertThat(untaggedOnly.text()).contains("✘ The training data has no tags, so the tagger has nothing to learn (E324)");
  }

  @Test
  void aNegativeTagIsCountedApartNotListedAsATag() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl", "{\"words\": [\"I\", \"run\"], \"tags\": [\"PRON\", \"!NOUN\"]}");
    Corpus<Doc> dev = jsonl("dev.jsonl", "{\"words\": [\"I\", \"fish\"], \"tags\": [\"PRON\", \"!VERB\"]}");
    DataReport report = DataReport.of(train, dev, List.of("tagger"), false);
    assertThat(report.text()).contains("""
        ℹ 1 tag
          Tag    train     dev
          PRON       1       1
        ℹ 1 training token and 1 evaluation token with a negative tag ("!NN": not NN; trained only against that tag, \
        and never matched in scoring)
        ✔ Every tag of the evaluation data is in the training data
        """);
    DataReport withoutNegatives = DataReport.of(train, dev, List.of("tagger"), new NegativeTags(Optional.empty()), false);
    assertThat(withoutNegatives.text()).contains("  !NOUN       1       0").doesNotContain("negative tag");
  }

  @Test
  void textcatNeedsExactlyOneTrueCategoryAndMultilabelDoesNot() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl", "{\"text\": \"a\", \"cats\": {\"X\": 1, \"Y\": 1}}",
        "{\"text\": \"b\", \"cats\": {\"X\": 0, \"Y\": 1}}");
    Corpus<Doc> dev = jsonl("dev.jsonl", "{\"text\": \"c\", \"cats\": {\"X\": 0, \"Y\": 0}}");
    DataReport exclusive = DataReport.of(train, dev, List.of("textcat"), true);
    assertThat(exclusive.text()).contains("""
        ✘ 2 docs without exactly one true category, which textcat needs (use textcat_multilabel for any number):
          doc 1: 2 true categories in {X=1.0, Y=1.0}
          doc 1: 0 true categories in {X=0.0, Y=0.0}
        """);
    assertThat(exclusive.errors()).isEqualTo(1);
    DataReport multilabel = DataReport.of(train, dev, List.of("textcat_multilabel"), true);
    assertThat(multilabel.errors()).isZero();
    assertThat(multilabel.text()).doesNotContain("exactly one");
  }

  @Test
  void corporaThatCannotBeInspectedAreReadAsExamplesNumberedFromOne() {
    Tokenizer tokenizer = new Tokenizer();
    Doc empty = tokenizer.tokenize("");
    Doc entity = tokenizer.tokenize("Bob left").withEntityTags(List.of("U-PER", "O"));
    Corpus<Doc> train = () -> List.of(new Example<>(tokenizer.tokenize("Bob left"), entity), new Example<>(empty, empty));
    DataReport report = DataReport.of(train, train, List.of("ner"), true);
    assertThat(report.text()).contains("""
        ⚠ 1 empty doc in the training data:
          doc 2: ""
        """).contains("  PER                1       1\n");
    assertThat(report.errors()).isZero();
    assertThat(report.warnings()).isEqualTo(2);
  }

  @Test
  void verboseFindingsGiveTheFilesCodePointOffsetsAfterAnEmoji() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl",
        "{\"text\": \"I \uD83D\uDE00 love Bobby Smith today.\", \"entities\": [[9, 12, \"PER\"]]}",
        "{\"text\": \"\uD83D\uDE00\uD83D\uDE00 Acme Corp is big.\", \"entities\": [[3, 12, \"ORG\"], [8, 12, \"ORG\"]]}",
        "{\"text\": \"\uD83D\uDE00 Ann left\", \"entities\": [[1, 5, \"PER\"]]}");
    DataReport report = DataReport.of(train, train, List.of("ner"), true);
    assertThat(report.text()).contains("  doc 1: [9, 12, PER] \"Bob\" in \"I \uD83D\uDE00 love Bobby Smith today.\"\n",
        "  doc 2: [3, 12, ORG] and [8, 12, ORG] in \"\uD83D\uDE00\uD83D\uDE00 Acme Corp is big.\"\n",
        "  doc 3: [1, 5, PER] \" Ann\"\n");
  }

  @Test
  void entitiesGivenAsBiluoTagsAreCountedAsTrainingReadsThem() throws IOException {
    Corpus<Doc> train = jsonl("train.jsonl", "{\"words\": [\"Bob\", \"Smith\", \"left\"], \"entities\": [\"B-PER\", \"L-PER\", \"O\"]}",
        "{\"words\": [\"Ann\", \"came\"], \"entities\": [\"U-PER\", \"-\"]}");
    DataReport report = DataReport.of(train, train, List.of("ner"), false);
    assertThat(report.text()).contains("""
        ℹ 1 entity label
          Entity label   train     dev
          PER                2       2
        """).doesNotContain("has no entities");
    assertThat(report.errors()).isZero();
  }

  @Test
  void noDocumentsIsAnError() throws IOException {
    Corpus<Doc> empty = jsonl("empty.jsonl");
    DataReport report = DataReport.of(empty, jsonl("dev.jsonl", "{\"text\": \"x\"}"), List.of(), false);
    assertThat(report.text()).contains("✘ The training data has no documents\n");
    assertThat(report.errors()).isEqualTo(1);
  }
}
