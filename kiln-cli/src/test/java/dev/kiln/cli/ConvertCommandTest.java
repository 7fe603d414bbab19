package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.text.TextRegistry;
import dev.kiln.text.Token;
import dev.kiln.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln convert} writes JSONL that {@code kiln.TextJsonl.v1} reads back to the same documents. */
class ConvertCommandTest {
  private static final String CONLL2003 = """
      -DOCSTART- -X- -X- O

      EU NNP B-NP I-ORG
      rejects VBZ B-VP O
      German JJ B-NP I-MISC
      call NN I-NP O
      . . O O

      Peter NNP B-NP I-PER
      Blackburn NNP I-NP I-PER
      """;

  private static final String CONLLU = """
      # text = Hello, world!
      1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No
      2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_
      3\tworld\tworld\tNOUN\tNN\t_\t1\tvocative\t_\tSpaceAfter=No
      4\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_

      1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
      2\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\t_
      """;

  @TempDir Path dir;

  private static List<Doc> readBack(Path jsonl) {
    List<Doc> docs = new ArrayList<>();
    for (Example<Doc> example : TextRegistry.textJsonl(jsonl, 0).read()) {
      docs.add(example.reference());
    }
    return docs;
  }

  /** Converts the CoNLL-U sample with {@code options}, checks the exit code, reads it back. */
  private List<Doc> convertConllu(String... options) throws Exception {
    Path input = Files.writeString(dir.resolve("dev.conllu"), CONLLU);
    Path output = dir.resolve("dev.jsonl");
    List<String> args = new ArrayList<>(List.of("convert", input.toString(),
        output.toString()));
    args.addAll(List.of(options));
    KilnRun run = KilnRun.of(args.toArray(new String[0]));
    assertThat(run.exit()).as(run.err()).isZero();
    return readBack(output);
  }

  private static List<String> words(Doc doc) {
    return doc.tokens().stream().map(Token::text).toList();
  }

  @Test
  void conll2003EntitiesBecomeCharacterSpans() throws Exception {
    Path input = Files.writeString(dir.resolve("train.txt"), CONLL2003);
    Path output = dir.resolve("train.jsonl");
    KilnRun run = KilnRun.of("convert", input.toString(), output.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Converted 2 sentences").contains("(conll2003)");
    List<Doc> docs = readBack(output);
    assertThat(docs).hasSize(2);
    assertThat(words(docs.get(0))).containsExactly("EU", "rejects", "German", "call", ".");
    assertThat(docs.get(0).tags()).containsExactly("NNP", "VBZ", "JJ", "NN", ".");
    assertThat(docs.get(0).entities()).extracting(Span::text, Span::label).map(t -> t.toList())
        .containsExactly(List.of("EU", "ORG"), List.of("German", "MISC"));
    assertThat(docs.get(1).entities()).extracting(Span::text, Span::label).map(t -> t.toList())
        .containsExactly(List.of("Peter Blackburn", "PER"));
    assertThat(Files.readAllLines(output).get(1)).contains("\"entities\":[[0,15,\"PER\"]]");
  }

  @Test
  void conlluKeepsWordsSpacingAndTags() throws Exception {
    List<Doc> docs = convertConllu("--converter", "auto");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).text()).isEqualTo("Hello, world!");
    assertThat(words(docs.get(0))).containsExactly("Hello", ",", "world", "!");
    assertThat(docs.get(0).tags()).containsExactly("INTJ", "PUNCT", "NOUN", "PUNCT");
    assertThat(docs.get(1).hasEntities()).isFalse();
  }

  @Test
  void xposTagsComeFromTheLanguageSpecificColumn() throws Exception {
    List<Doc> docs = convertConllu("--tags", "xpos");
    assertThat(docs.get(0).tags()).containsExactly("UH", ",", "NN", ".");
    assertThat(docs.get(1).tags()).containsExactly("VB", "RB");
  }

  @Test
  void xposTagsOfATreebankWithoutXposAreItsUposAsSpacyConvertsThem() throws Exception {
    Path input = Files.writeString(dir.resolve("vi.conllu"), CONLLU.replace("\tUH\t", "\t_\t").replace("\tVB\t", "\t_\t"));
    Path output = dir.resolve("vi.jsonl");
    KilnRun run = KilnRun.of("convert", input.toString(), output.toString(), "--tags", "xpos");
    assertThat(run.exit()).as(run.err()).isZero();
    List<Doc> docs = readBack(output);
    assertThat(docs.get(0).tags()).containsExactly("INTJ", ",", "NN", ".");
    assertThat(docs.get(1).tags()).containsExactly("VERB", "RB");
  }

  @Test
  void aBadLineLeavesAnEarlierOutputAsItWasAndNoTemporaryFile() throws Exception {
    Path input = Files.writeString(dir.resolve("bad.conllu"), CONLLU.replace("2\tnow\tnow", "2\tnow"));
    Path output = Files.writeString(dir.resolve("out.jsonl"), "earlier\n");
    KilnRun run = KilnRun.of("convert", input.toString(), output.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(Files.readString(output)).isEqualTo("earlier\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("bad.conllu", "out.jsonl");
    }
  }

  @Test
  void theInputAsOutputOrADirectoryIsRefusedAndTheInputKept() throws Exception {
    Path input = Files.writeString(dir.resolve("in.conllu"), CONLLU);
    KilnRun run = KilnRun.of("convert", input.toString(), input.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E406]");
    assertThat(Files.readString(input)).isEqualTo(CONLLU);
    KilnRun intoDirectory = KilnRun.of("convert", input.toString(), dir.toString());
    assertThat(intoDirectory.err()).startsWith("[E405] " + dir + " is a directory");
  }

  @Test
  void aFileWithoutSentencesIsAnErrorAndWritesNothing() throws Exception {
    Path input = Files.writeString(dir.resolve("comments.conllu"), "# only a comment\n\n");
    Path output = dir.resolve("out.jsonl");
    KilnRun run = KilnRun.of("convert", input.toString(), output.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E412] " + input + " holds no sentence (conllu)");
    assertThat(output).doesNotExist();
  }

  @Test
  void iob2AndAnExplicitConverterWork() throws Exception {
    Path input = Files.writeString(dir.resolve("iob2.data"), "New B-LOC\nYork I-LOC\nis O\nbig O\n");
    KilnRun run = KilnRun.of("convert", input.toString(), "-", "--converter", "conll2003", "--iob", "iob2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("{\"text\":\"New York is big\",\"words\":[\"New\",\"York\",\"is\",\"big\"],"
        + "\"spaces\":[true,true,true,false],\"entities\":[[0,8,\"LOC\"]]}");
  }

  @Test
  void aBadLineExitsTwoWithOneMessageNamingFileAndLine() throws Exception {
    Path input = Files.writeString(dir.resolve("bad.conllu"), CONLLU.replace("2\tnow\tnow", "2\tnow"));
    KilnRun run = KilnRun.of("convert", input.toString(), dir.resolve("out.jsonl").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E321] " + input + ": line 8:").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("out.jsonl")).doesNotExist();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPipeIsConvertedWithAGivenConverterAndNotReadToDetectOne() throws Exception {
    Path pipe = dir.resolve("sentences");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
    KilnRun detecting = KilnRun.of("convert", pipe.toString(), "-");
    assertThat(detecting.exit()).isEqualTo(2);
    assertThat(detecting.err().strip()).isEqualTo("[E413] " + pipe + " is a pipe, not a file: telling CoNLL-U from"
        + " CoNLL-2003 would read its first lines, which could not be read again to convert. Give --converter conllu"
        + " or --converter conll2003.");

    Thread writer = new Thread(() -> {
      try {
        Files.writeString(pipe, "New B-LOC\nYork I-LOC\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.setDaemon(true);
    writer.start();
    KilnRun given = KilnRun.of("convert", pipe.toString(), "-", "--converter", "conll2003", "--iob", "iob2");
    assertThat(given.exit()).as(given.err()).isZero();
    assertThat(given.out()).startsWith("{\"text\":\"New York\"");
  }

  @Test
  void aSpacyDocBinFileIsRefusedWithHowToExportIt() throws Exception {
    Path input = Files.write(dir.resolve("train.spacy"), new byte[] {(byte) 0x83, (byte) 0xa5, 'a', 't', 't', 'r', 's'});
    KilnRun run = KilnRun.of("convert", input.toString(), dir.resolve("train.jsonl").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E415] " + input + " is a spaCy DocBin (.spacy) file")
        .contains("kiln.TextJsonl.v1");
    assertThat(dir.resolve("train.jsonl")).doesNotExist();
  }

  @Test
  void anUnknownConverterOrAnUndetectableFileIsAUsageError() throws Exception {
    Path input = Files.writeString(dir.resolve("empty.txt"), "\n\n");
    KilnRun unknown = KilnRun.of("convert", input.toString(), "-", "--converter", "json");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("[E411] --converter cannot be \"json\". Give one of: conllu, conll2003, auto.");
    KilnRun empty = KilnRun.of("convert", input.toString(), "-");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).startsWith("[E410] " + input + ": cannot tell");
  }
}
