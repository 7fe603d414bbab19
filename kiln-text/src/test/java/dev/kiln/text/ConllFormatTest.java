package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllFormatTest {
  @TempDir Path dir;

  @Test
  void detectsByExtensionThenByTheFirstTokenLine() throws Exception {
    assertThat(ConllFormat.detect(Files.writeString(dir.resolve("a.conllu"), ""))).contains(ConllFormat.CONLLU);
    Path treebank = Files.writeString(dir.resolve("b.txt"), "# sent_id = 1\n1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n");
    assertThat(ConllFormat.detect(treebank)).contains(ConllFormat.CONLLU);
    Path ner = Files.writeString(dir.resolve("c.txt"), "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\n");
    assertThat(ConllFormat.detect(ner)).contains(ConllFormat.CONLL2003);
    assertThat(ConllFormat.detect(Files.writeString(dir.resolve("d.txt"), "\n# only a comment\n"))).isEqualTo(Optional.empty());
  }

  @Test
  void recordsHoldWordsSpacesTagsAndEntitySpans() throws Exception {
    Path file = Files.writeString(dir.resolve("e.txt"), "New NNP I-LOC\nYork NNP I-LOC\nrocks VBZ O\n");
    List<Doc> docs = new java.util.ArrayList<>();
    ConllConversion.read(file, ConllFormat.CONLL2003, IobScheme.IOB1, ConllTagField.UPOS).forEach(docs::add);
    assertThat(docs).hasSize(1);
    assertThat(ConllConversion.record(docs.get(0))).containsExactly(
        java.util.Map.entry("text", "New York rocks"),
        java.util.Map.entry("words", List.of("New", "York", "rocks")),
        java.util.Map.entry("spaces", List.of(true, true, false)),
        java.util.Map.entry("tags", List.of("NNP", "NNP", "VBZ")),
        java.util.Map.entry("entities", List.of(List.of(0, 8, "LOC"))));
  }

  @Test
  void entitySpansCountCodePointsAsPythonDoes() throws Exception {
    Path file = Files.writeString(dir.resolve("f.txt"), "\uD83D\uDE00 O\nBob B-PER\n");
    List<Doc> docs = new java.util.ArrayList<>();
    ConllConversion.read(file, ConllFormat.CONLL2003, IobScheme.IOB2, ConllTagField.UPOS).forEach(docs::add);
    assertThat(ConllConversion.record(docs.get(0))).containsEntry("entities", List.of(List.of(2, 5, "PER")));
  }
}
