package dev.kiln.train.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsFileTest {
  @TempDir Path dir;

  @Test
  void writesOneNamePerLineAsSpacysInitLabelsDoesAndReadsItBack() throws IOException {
    Path file = Files.writeString(dir.resolve("textcat.json"), LabelsFile.text(List.of("HAM", "SPAM")));

    assertThat(Files.readString(file)).isEqualTo("[\n  \"HAM\",\n  \"SPAM\"\n]\n");
    assertThat(LabelsFile.read(file)).containsExactly("HAM", "SPAM");
  }

  @Test
  void readsTheLabelsOfTheMovesSpacysNerWritesInsteadOfAList() throws IOException {
    Path file = Files.writeString(dir.resolve("ner.json"), """
        {"0": {}, "1": {"ORG": 56, "PERSON": 12}, "2": {"ORG": 40, "PERSON": 3}, "3": {"ORG": 56, "PERSON": 12},
         "4": {"GPE": 7, "ORG": 2}, "5": {"": 1}}
        """);

    assertThat(LabelsFile.read(file)).containsExactly("ORG", "PERSON", "GPE");
  }

  @Test
  void aFileThatHoldsNoListOfNamesIsRefusedNamingItAndWhatItHolds() throws IOException {
    assertRefused(Files.writeString(dir.resolve("object.json"), "{\"a\": 1}"), "it holds an object, not a JSON list");
    assertRefused(Files.writeString(dir.resolve("numbers.json"), "[\"A\", 2]"),
        "it holds a list with an item that is not a string");
    assertRefused(Files.writeString(dir.resolve("number.json"), "7"), "it holds the value 7");
    assertRefused(Files.writeString(dir.resolve("empty.json"), "[]"), "it lists no label");
    assertRefused(Files.writeString(dir.resolve("blank.json"), ""), "it holds nothing");
    assertRefused(Files.writeString(dir.resolve("broken.json"), "[\"A\""), "it is not valid JSON");
    assertRefused(dir, "it is a directory");
  }

  private static void assertRefused(Path file, String problem) {
    assertThatThrownBy(() -> LabelsFile.read(file))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E262] labels file " + file + ": " + problem);
  }
}
