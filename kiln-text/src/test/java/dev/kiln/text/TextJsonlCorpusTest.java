package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextJsonlCorpusTest {
  @TempDir
  Path dir;

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.write(file, List.of(lines));
    return file;
  }

  static List<Example<Doc>> all(Corpus<Doc> corpus) {
    List<Example<Doc>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    return examples;
  }

  @Test
  void readsCategories() throws IOException {
    Path file = write("{\"text\": \"Great film!\", \"cats\": {\"POS\": 1.0, \"NEG\": false}}", "",
        "{\"text\": \"Dull.\", \"cats\": {\"POS\": 0, \"NEG\": true}}");
    List<Example<Doc>> examples = all(TextRegistry.textJsonl(file, 0));
    assertThat(examples).hasSize(2);
    assertThat(examples.get(0).reference().cats()).containsEntry("POS", 1.0).containsEntry("NEG", 0.0);
    assertThat(examples.get(0).predicted().tokens()).extracting(Token::text).containsExactly("Great", "film", "!");
    assertThat(examples.get(0).predicted().cats()).isEmpty();
    assertThat(examples.get(1).reference().cats()).containsEntry("NEG", 1.0);
    assertThat(examples.get(1).length()).isEqualTo(2);
  }

  @Test
  void readsEntitiesByCharacterOffsets() throws IOException {
    Path file = write("{\"text\": \"Ada Lovelace lived in London.\", \"entities\": [[0, 12, \"PER\"], [22, 28, \"LOC\"]]}");
    Example<Doc> example = all(TextRegistry.textJsonl(file, 0)).get(0);
    assertThat(example.reference().entities()).extracting(Span::text).containsExactly("Ada Lovelace", "London");
    assertThat(TextExample.entityTags(example)).containsExactly("B-PER", "L-PER", "O", "O", "U-LOC", "O");
  }

  @Test
  void entityOffsetsCountCodePointsAsPythonDoesSoAnEmojiTakesOne() throws IOException {
    // Python: "\U0001F600 Bob Smith"[2:11] == "Bob Smith"; in Java's UTF-16 the name starts at index 3.
    Path file = write("{\"text\": \"\uD83D\uDE00 Bob Smith\", \"entities\": [[2, 11, \"PER\"]]}");
    Doc reference = all(TextRegistry.textJsonl(file, 0)).get(0).reference();
    assertThat(reference.entities()).extracting(Span::text).containsExactly("Bob Smith");
    assertThat(reference.toJson().get("entities")).isEqualTo(List.of(List.of(2, 11, "PER")));
    Path beyond = write("{\"text\": \"\uD83D\uDE00 Bob\", \"entities\": [[2, 6, \"PER\"]]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(beyond, 0)))
        .hasMessageContaining("the entity [2,6,\"PER\"] is not a range of characters of a text of length 5");
  }

  @Test
  void offsetsInMessagesAreTheFilesCodePointsAfterAnEmoji() throws IOException {
    // Python: "\U0001F600\U0001F600 Acme Corp"[3:12] == "Acme Corp"; Java's UTF-16 indices are 5 and 14.
    Path overlapping = write("{\"text\": \"\uD83D\uDE00\uD83D\uDE00 Acme Corp is big.\", \"entities\": [[3, 12, \"ORG\"], [8, 12, \"ORG\"]]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(overlapping, 0)))
        .hasMessageContaining("[E304] the entity spans [3, 12, ORG] and [8, 12, ORG] overlap");
    Path wordsOff = write("{\"text\": \"\uD83D\uDE00 a  b\", \"words\": [\"\uD83D\uDE00\", \"a\", \"b\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(wordsOff, 0))).hasMessageContaining("the word \"b\" is not at character 4");
  }

  @Test
  void misalignedEntitiesAreUnknownTokens() throws IOException {
    Path file = write("{\"text\": \"Ada Lovelace lived\", \"entities\": [[0, 6, \"PER\"]]}");
    Example<Doc> example = all(TextRegistry.textJsonl(file, 0)).get(0);
    assertThat(example.reference().entityTags()).containsExactly("-", "-", "O");
    assertThat(example.reference().entities()).isEmpty();
  }

  @Test
  void readsWordsAndTagsCombinedWithText() throws IOException {
    Path file = write("{\"words\": [\"I\", \"like\", \"New-York\", \".\"], \"tags\": [\"PRON\", \"VERB\", \"PROPN\", \"PUNCT\"]}",
        "{\"text\": \"Hi there.\", \"words\": [\"Hi\", \"there\", \".\"], \"entities\": [\"O\", \"U-X\", \"O\"],"
            + " \"sent_starts\": [1, 0, 0]}");
    List<Example<Doc>> examples = all(TextRegistry.textJsonl(file, 0));
    Doc first = examples.get(0).reference();
    assertThat(first.text()).isEqualTo("I like New-York .");
    assertThat(first.tokens()).extracting(Token::text).containsExactly("I", "like", "New-York", ".");
    assertThat(first.tags()).containsExactly("PRON", "VERB", "PROPN", "PUNCT");
    // Training re-tokenizes "New-York" into three tokens, and each takes its tag, as in spaCy.
    assertThat(TextExample.tags(examples.get(0))).extracting(Optional::get)
        .containsExactly("PRON", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT");
    Doc second = examples.get(1).reference();
    assertThat(second.text()).isEqualTo("Hi there.");
    assertThat(second.tokens()).extracting(Token::whitespace).containsExactly(true, false, false);
    assertThat(second.entities()).extracting(Span::text).containsExactly("there");
    assertThat(second.sentStarts()).containsExactly(true, false, false);
  }

  @Test
  void sentStartsAreReadAsSpacyReadsThem() throws IOException {
    // spaCy's to_ternary_int: 1, 1.0 and true start a sentence, -1 and false do not, 0 and null are unknown.
    Path file = write("{\"words\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"], \"sent_starts\": [-1, 1.0, 0, null, true, false, 1]}",
        "{\"words\": [\"a\", \"b\"], \"sent_starts\": [0, null]}");
    List<Example<Doc>> examples = all(TextRegistry.textJsonl(file, 0));
    Doc first = examples.get(0).reference();
    assertThat(first.sentStarts()).containsExactly(false, true, false, false, true, false, true);
    assertThat(first.sentences()).extracting(Span::text).containsExactly("a", "b c d", "e f", "g");
    // Only unknown values: no sentence annotation, as spaCy's has_annotation("SENT_START") is false.
    assertThat(examples.get(1).reference().hasSentStarts()).isFalse();
  }

  @Test
  void aSentStartValueSpacyWouldReadAsFalseSilentlyIsACodedError() throws IOException {
    for (String value : List.of("0.9", "2", "-0.5", "\"yes\"", "[1]")) {
      Path file = write("{\"text\": \"ok\"}", "{\"words\": [\"Hi\", \"there\"], \"sent_starts\": [1, " + value + "]}");
      assertThatThrownBy(() -> all(TextRegistry.textJsonl(file, 0))).isInstanceOf(dev.kiln.config.KilnException.class)
          .hasMessage("[E344] " + file + ": line 2: \"sent_starts\" holds " + value.replace(" ", "")
              + " for token 1 (\"there\"), which is no sentence-start value. Write 1 or true (the token starts a sentence),"
              + " -1 or false (it does not) or 0 or null (unknown), as spaCy reads them.");
    }
  }

  @Test
  void tagsWithoutWordsFollowTheTokenizer() throws IOException {
    Path file = write("{\"text\": \"Hello, world\", \"tags\": [\"INTJ\", \"PUNCT\", \"NOUN\"]}");
    assertThat(all(TextRegistry.textJsonl(file, 0)).get(0).reference().tags()).containsExactly("INTJ", "PUNCT", "NOUN");
  }

  @Test
  void limitAndRepeatedPasses() throws IOException {
    Path file = write("{\"text\": \"a\"}", "{\"text\": \"b\"}", "{\"text\": \"c\"}");
    Corpus<Doc> corpus = TextRegistry.textJsonl(file, 2);
    assertThat(all(corpus)).extracting(e -> e.reference().text()).containsExactly("a", "b");
    assertThat(all(corpus)).extracting(e -> e.reference().text()).containsExactly("a", "b");
  }

  @Test
  void errorsNameTheFileAndLine() throws IOException {
    Path file = write("{\"text\": \"ok\"}", "{\"text\": \"Hello world\", \"tags\": [\"X\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(file, 0)))
        .hasMessageStartingWith("[E320] " + file + ": line 2: \"tags\" must be a list of one value per token, 2");
    Path notJson = write("{\"text\": ");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(notJson, 0))).hasMessageContaining("line 1: it is not valid JSON");
    Path noText = write("{\"cats\": {}}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(noText, 0))).hasMessageContaining("neither \"text\" nor \"words\"");
    Path badSpan = write("{\"text\": \"ab\", \"entities\": [[0, 9, \"X\"]]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(badSpan, 0))).hasMessageContaining("text of length 2");
    Path badTags = write("{\"words\": [\"a\", \"b\"], \"entities\": [\"B-X\", \"O\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(badTags, 0)))
        .hasMessageStartingWith("[E320] " + badTags + ": line 1: [E305]");
    Path wordsOff = write("{\"text\": \"a  b\", \"words\": [\"a\", \"b\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(wordsOff, 0))).hasMessageContaining("the word \"b\" is not at character 2");
  }

  @Test
  void entityOffsetsThatAreNotWholeNumbersAndSpacesThatAreNotBooleansAreErrors() throws IOException {
    Path fractions = write("{\"text\": \"Bob Smith\", \"entities\": [[0.9, 3.7, \"PER\"]]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(fractions, 0)))
        .hasMessageStartingWith("[E320] " + fractions + ": line 1: the entity [0.9,3.7,\"PER\"] is not [start, end, label]");
    Path words = write("{\"words\": [\"Bob\", \"Smith\"], \"spaces\": [\"yes\", \"no\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(words, 0)))
        .hasMessageStartingWith("[E320] " + words + ": line 1: \"spaces\" holds \"yes\", which is not true or false");
  }

  @Test
  void spacesMayBeOneAndZeroAsSpacyTakesThem() throws IOException {
    Path file = write("{\"words\": [\"Hi\", \"there\", \"!\"], \"spaces\": [1, 0, 0]}");
    assertThat(all(TextRegistry.textJsonl(file, 0)).get(0).reference().text()).isEqualTo("Hi there!");
    Path two = write("{\"words\": [\"Hi\", \"there\"], \"spaces\": [2, 0]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(two, 0)))
        .hasMessageStartingWith("[E320] " + two + ": line 1: \"spaces\" holds 2, which is not true or false (or 1 or 0). Each line");
  }

  @Test
  void unknownEntityTagsMayBeNullOrEmptyAsInSpacy() throws IOException {
    Path file = write("{\"words\": [\"Bob\", \"left\", \"Paris\"], \"entities\": [null, \"O\", \"\"]}",
        "{\"words\": [\"Bob\", \"left\"], \"entities\": [\"U-PER\", null]}");
    List<Example<Doc>> examples = all(TextRegistry.textJsonl(file, 0));
    assertThat(examples.get(0).reference().entityTags()).containsExactly("-", "O", "-");
    assertThat(examples.get(1).reference().entityTags()).containsExactly("U-PER", "-");
  }

  @Test
  void anEmptyEntityLabelOrCategoryNameIsAnErrorSayingSo() throws IOException {
    Path label = write("{\"text\": \"Bob left\", \"entities\": [[0, 3, \"\"]]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(label, 0))).hasMessageStartingWith("[E320] " + label
        + ": line 1: the entity [0,3,\"\"] has an empty label: name its label, or leave the span out. Each line");
    Path category = write("{\"text\": \"Bob left\", \"cats\": {\"\": 1.0, \"B\": 0.0}}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(category, 0))).hasMessageStartingWith("[E320] " + category
        + ": line 1: \"cats\" has a category with an empty name \"\": name it, or leave it out. Each line");
  }

  @Test
  void aKeyGivenTwiceIsAnErrorNotTheLastValueSilently() throws IOException {
    Path cats = write("{\"text\": \"ok\"}", "{\"text\": \"Dull.\", \"cats\": {\"POS\": 1, \"NEG\": 0, \"POS\": 0}}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(cats, 0))).hasMessageStartingWith("[E320] " + cats
        + ": line 2: the key \"POS\" appears twice in one object, and only one of its values could be read: remove the other.");
    Path text = write("{\"text\": \"Dull.\", \"cats\": {\"POS\": 0}, \"text\": \"Great!\"}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(text, 0))).hasMessageContaining("the key \"text\" appears twice");
  }

  @Test
  void aCategoryScoreOutsideZeroToOneIsAnError() throws IOException {
    for (String score : List.of("1e400", "5", "-0.5")) {
      Path file = write("{\"text\": \"a\", \"cats\": {\"X\": 1, \"Y\": " + score + "}}");
      assertThatThrownBy(() -> all(TextRegistry.textJsonl(file, 0))).hasMessageStartingWith("[E320] " + file
          + ": line 1: the score of category \"Y\" is " + (score.equals("1e400") ? "Infinity" : score)
          + ", but a score lies between 0 and 1. Each line");
    }
    Path soft = write("{\"text\": \"a\", \"cats\": {\"X\": 0.25, \"Y\": 0.75}}");
    assertThat(all(TextRegistry.textJsonl(soft, 0)).get(0).reference().cats()).containsEntry("Y", 0.75);
  }

  @Test
  void twoRecordsOnOneLineAreAnErrorNotTheFirstAlone() throws IOException {
    Path two = write("{\"text\": \"a\", \"cats\": {\"X\": 1}} {\"text\": \"b\", \"cats\": {\"X\": 0}}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(two, 0)))
        .hasMessageStartingWith("[E320] " + two + ": line 1: it holds more than one JSON value (a second record, or a comma"
            + " after the object): write one object per line. Each line");
    Path fromAnArray = write("{\"text\": \"a\"},", "{\"text\": \"b\"}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(fromAnArray, 0)))
        .hasMessageStartingWith("[E320] " + fromAnArray + ": line 1: it holds more than one JSON value");
  }

  @Test
  void aTextLongerThanTheJsonReaderTakesIsNotCalledInvalidJson() throws IOException {
    Path file = write("{\"text\": \"" + "word ".repeat(4_000_001) + "\"}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(file, 0)))
        .hasMessageStartingWith("[E320] " + file + ": line 1: it holds a value longer than kiln's JSON reader takes (String value"
            + " length (20000005) exceeds the maximum allowed (20000000)): split it into several records. Each line");
  }

  @Test
  void aMessageQuotesAtMostTheStartOfALongValue() throws IOException {
    Path tags = write("{\"words\": [\"a\", \"b\"], \"tags\": [\"X\", \"" + "Y".repeat(1_000_000) + "\", \"Z\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(tags, 0))).hasMessageStartingWith("[E320] " + tags
        + ": line 1: \"tags\" must be a list of one value per token, 2 for [a, b]; give");
    Path words = write("{\"words\": [" + "\"a\", ".repeat(200_000) + "\"a\"], \"tags\": [\"X\"]}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(words, 0))).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400))
        .hasMessageContaining("200001 for [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,... (600003 characters)");
  }

  @Test
  void aLoneSurrogateEscapeIsAnErrorNotTextThatCannotBeWrittenBack() throws IOException {
    // kiln predict --output then failed with E402 "cannot write ...: Input length = 1", and stdout showed "?".
    Path file = write("{\"text\": \"fine \\ud83d\\ude00\"}", "{\"text\": \"bad \\ud800 text\", \"id\": 2}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(file, 0))).hasMessageStartingWith("[E320] " + file + ": line 2:"
        + " the string \"bad \\ud800 text\" holds a lone surrogate escape (\\uD800 to \\uDFFF without its pair), which is no"
        + " Unicode character and cannot be written out as UTF-8: fix the escape (an emoji is a pair, such as"
        + " \\ud83d\\ude00). Each line");
    Path key = write("{\"text\": \"ok\", \"meta\": {\"\\udc00\": 1}}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(key, 0))).hasMessageContaining("the string \"\\udc00\" holds a lone");
  }

  @Test
  void aMissingFileIsACodedError() {
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(dir.resolve("nope.jsonl"), 0))).hasMessageStartingWith("[E080]");
  }

  @Test
  void inspectionKeepsOverlappingSpansThatReadingRefuses() throws IOException {
    Path file = write("{\"text\": \"x\"}", "", "{\"text\": \"Acme Corp is big\", \"entities\": [[5, 9, \"ORG\"], [0, 9, \"ORG\"]]}");
    InspectableCorpus corpus = (InspectableCorpus) TextRegistry.textJsonl(file, 0);
    assertThatThrownBy(() -> all(corpus)).hasMessageStartingWith("[E320] " + file + ": line 3: [E304]")
        .hasMessageContaining("Remove one of them. Each line").hasMessageNotContaining("..");
    List<InspectedDoc> docs = new ArrayList<>();
    corpus.inspect().forEach(docs::add);
    assertThat(docs).extracting(InspectedDoc::number).containsExactly(1, 3);
    InspectedDoc overlapping = docs.get(1);
    assertThat(overlapping.writtenEntities()).containsExactly(new CharSpan(5, 9, "ORG"), new CharSpan(0, 9, "ORG"));
    // The document keeps the span that starts first.
    assertThat(overlapping.example().reference().entities()).extracting(Span::text).containsExactly("Acme Corp");
  }

  @Test
  void aNullPathIsACorpusThatSaysHowToSetIt() {
    Corpus<Doc> corpus = TextRegistry.textJsonl(Optional.empty(), 0);
    assertThatThrownBy(corpus::read).hasMessageStartingWith("[E338] the kiln.TextJsonl.v1 corpus has no path");
  }

  @Test
  void aByteOrderMarkIsSkippedAndTextInAnotherEncodingIsACodedError() throws IOException {
    Path marked = dir.resolve("marked.jsonl");
    Files.write(marked, ("\uFEFF{\"text\": \"Great film!\"}\n").getBytes(StandardCharsets.UTF_8));
    assertThat(all(TextRegistry.textJsonl(marked, 0))).extracting(e -> e.reference().text())
        .containsExactly("Great film!");

    Path joined = write("{\"text\": \"Great film!\"}", "\uFEFF{\"text\": \"Dull.\"}");
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(joined, 0))).hasMessageStartingWith("[E320] " + joined
        + ": line 2: it starts with a byte-order mark (U+FEFF), as a file appended to another does: remove it. Each line");

    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, "{\"text\": \"fine\"}\n{\"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> all(TextRegistry.textJsonl(latin1, 0)))
        .hasMessage("[E082] " + latin1 + ": line 2: the file is not valid UTF-8 text. Save it as UTF-8.");
  }
}
