package dev.kiln.text;

import static dev.kiln.text.TextJsonlCorpusTest.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllCorpusTest {
  private static final String CONLLU = String.join("\n",
      "# sent_id = 1",
      "# text = I can't go.",
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_",
      "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_",
      "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_",
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No",
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
      "",
      "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_",
      "");

  private static final String CONLL2003 = String.join("\n",
      "-DOCSTART- -X- -X- O",
      "",
      "EU NNP B-NP I-ORG",
      "rejects VBZ B-VP O",
      "German JJ B-NP I-MISC",
      "call NN I-NP O",
      "",
      "Peter NNP B-NP I-PER",
      "Blackburn NNP I-NP I-PER",
      "Mary NNP I-NP B-PER",
      "",
      "-DOCSTART- -X- -X- O",
      "",
      "Paris NNP B-NP I-LOC",
      "");

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void conllUSentencesWithUniversalTags() throws IOException {
    List<Example<Doc>> examples = all(TextRegistry.conllU(write("a.conllu", CONLLU), ConllTagField.UPOS, 0));
    assertThat(examples).hasSize(2);
    Doc first = examples.get(0).reference();
    assertThat(first.tokens()).extracting(Token::text).containsExactly("I", "ca", "n't", "go", ".");
    assertThat(first.text()).as("a multi-word token's words join without spaces").isEqualTo("I can't go.");
    assertThat(first.tags()).containsExactly("PRON", "AUX", "PART", "VERB", "PUNCT");
    assertThat(first.sentStarts()).containsExactly(true, false, false, false, false);
    assertThat(examples.get(1).reference().tags()).containsExactly("INTJ");
  }

  @Test
  void conllUXposAndLimit() throws IOException {
    List<Example<Doc>> examples = all(TextRegistry.conllU(write("a.conllu", CONLLU), ConllTagField.XPOS, 1));
    assertThat(examples).hasSize(1);
    assertThat(examples.get(0).reference().tags()).containsExactly("PRP", "MD", "RB", "VB", ".");
  }

  @Test
  void aWordWithoutXposIsTaggedWithItsUposAsSpacysConverterDoesWithOneWarningPerCorpus() throws IOException {
    Path file = write("no-xpos.conllu", String.join("\n",
        "1\tVề\tvề\tVERB\t_\t_\t0\troot\t_\t_",
        "2\tHà Nội\tHà Nội\tPROPN\t_\t_\t1\tobj\t_\t_",
        "3\tthôi\tthôi\t_\t_\t_\t1\tdiscourse\t_\t_",
        "",
        "1\tĐi\tđi\tVERB\tV\t_\t0\troot\t_\t_",
        ""));
    Corpus<Doc> corpus = TextRegistry.conllU(file, ConllTagField.XPOS, 0);
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    List<Example<Doc>> examples;
    try {
      examples = all(corpus);
      all(corpus);
    } finally {
      System.setErr(stderr);
    }
    // Neither column tags "thôi": its tag stays "_", unknown.
    assertThat(examples.get(0).reference().tags()).containsExactly("VERB", "PROPN", "_");
    assertThat(examples.get(1).reference().tags()).containsExactly("V");
    // The word "Hà Nội" is two tokens to kiln's tokenizer; both learn its tag.
    assertThat(TextExample.tags(examples.get(0))).extracting(tag -> tag.orElse(null))
        .containsExactly("VERB", "PROPN", "PROPN", "_");
    String warnings = logged.toString(StandardCharsets.UTF_8);
    assertThat(warnings).containsOnlyOnce("[W305] " + file + ": line 1: the word \"Về\" has no XPOS (\"_\"), so its tag"
        + " is its UPOS \"VERB\"").contains("kiln convert --tags upos").contains("tag_field = \"upos\"");
    assertThat(warnings).doesNotContain("W305] " + file + ": line 2");
  }

  @Test
  void conllUBadLineNamesFileAndLine() throws IOException {
    Path file = write("bad.conllu", "1\tI\tI\tPRON\n");
    assertThatThrownBy(() -> all(TextRegistry.conllU(file, ConllTagField.UPOS, 0)))
        .hasMessageStartingWith("[E321] " + file + ": line 1: found 4 fields");
  }

  @Test
  void conllUWordIdsMustCountFromOneInEachSentence() throws IOException {
    for (String[] bad : new String[][] {{"x", "the word id (ID) is \"x\" where 2 comes next"},
        {"1", "the word id (ID) is \"1\" where 2 comes next"}, {"3", "the word id (ID) is \"3\" where 2 comes next"}}) {
      Path file = write("ids.conllu", "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n" + bad[0] + "\tgo\tgo\tVERB\tVB\t_\t1\tx\t_\t_\n");
      assertThatThrownBy(() -> all(TextRegistry.conllU(file, ConllTagField.UPOS, 0)))
          .hasMessageStartingWith("[E321] " + file + ": line 2: " + bad[1]);
    }
  }

  @Test
  void aMultiWordTokenMustCoverWordsOfItsSentenceOnlyOnce() throws IOException {
    String word1 = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n";
    Path beyond = write("beyond.conllu", word1 + "2-5\tdunno\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdu\t_\tX\t_\t_\t1\tx\t_\t_\n"
        + "3\tn\t_\tX\t_\t_\t1\tx\t_\t_\n\n");
    assertThatThrownBy(() -> all(TextRegistry.conllU(beyond, ConllTagField.UPOS, 0)))
        .hasMessageStartingWith("[E321] " + beyond + ": line 2: the multi-word token 2-5 ends at word 5, but its sentence has 3 words.");
    Path overlapping = write("overlap.conllu", word1 + "2-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n2\ta\t_\tX\t_\t_\t1\tx\t_\t_\n"
        + "3-4\tbc\t_\t_\t_\t_\t_\t_\t_\t_\n3\tb\t_\tX\t_\t_\t1\tx\t_\t_\n4\tc\t_\tX\t_\t_\t1\tx\t_\t_\n\n");
    assertThatThrownBy(() -> all(TextRegistry.conllU(overlapping, ConllTagField.UPOS, 0)))
        .hasMessageStartingWith("[E321] " + overlapping + ": line 4: the multi-word token 3-4 overlaps 2-3 (line 2):"
            + " a word belongs to one multi-word token at most.");
  }

  @Test
  void conll2003Iob1() throws IOException {
    List<Example<Doc>> examples = all(TextRegistry.conll2003(write("a.conll", CONLL2003), IobScheme.IOB1, 0));
    assertThat(examples).hasSize(3);
    assertThat(examples.get(0).reference().entityTags()).containsExactly("U-ORG", "O", "U-MISC", "O");
    assertThat(examples.get(0).reference().tags()).containsExactly("NNP", "VBZ", "JJ", "NN");
    assertThat(examples.get(1).reference().entities()).extracting(Span::text).containsExactly("Peter Blackburn", "Mary");
    assertThat(examples.get(2).reference().entities()).extracting(Span::label).containsExactly("LOC");
    assertThat(TextExample.entityTags(examples.get(1))).containsExactly("B-PER", "L-PER", "U-PER");
  }

  @Test
  void conll2003Iob2ReadsEveryBAsABeginning() throws IOException {
    Path file = write("b.conll", "Peter B-PER\nBlackburn I-PER\nMary B-PER\n\nin O\n");
    List<Example<Doc>> examples = all(TextRegistry.conll2003(file, IobScheme.IOB2, 0));
    assertThat(examples.get(0).reference().entityTags()).containsExactly("B-PER", "L-PER", "U-PER");
    assertThat(examples.get(0).reference().hasTags()).isFalse();
    assertThat(examples.get(1).reference().entityTags()).containsExactly("O");
  }

  @Test
  void conll2003BadTagNamesFileAndLine() throws IOException {
    Path file = write("c.conll", "a O\n\nb O\nc PER\n");
    assertThatThrownBy(() -> all(TextRegistry.conll2003(file, IobScheme.IOB2, 0)))
        .hasMessageStartingWith("[E322] " + file + ": line 4: \"PER\" is not an entity tag");
  }

  @Test
  void conll2003LinesOfOneSentenceHaveAsManyFieldsAsItsFirst() throws IOException {
    Path file = write("d.conll", "John NNP I-NP I-PER\nvisited VBD O\n");
    assertThatThrownBy(() -> all(TextRegistry.conll2003(file, IobScheme.IOB1, 0)))
        .hasMessageStartingWith("[E322] " + file + ": line 2: it has 3 fields, but the sentence's first line (1) has 4");
  }
}
