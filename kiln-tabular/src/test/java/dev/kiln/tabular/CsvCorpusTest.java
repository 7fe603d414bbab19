package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.ProblemPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CsvCorpusTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Reading every row of {@code path} with the default columns, every problem an error. */
  private static ThrowingCallable readingStrictly(Path path) {
    return () -> rows(csv(path, List.of(), List.of(), "error", "error"));
  }

  private static Corpus<TableRow> csv(Path path, List<String> columns, List<String> categorical, String onBadRow,
      String onUnused) {
    return TabularRegistry.csv(path, "y", columns, categorical, ProblemPolicy.valueOf(onBadRow.toUpperCase()),
        ProblemPolicy.valueOf(onUnused.toUpperCase()), 0, ",");
  }

  private static List<TableRow> rows(Corpus<TableRow> corpus) {
    List<TableRow> rows = new ArrayList<>();
    for (Example<TableRow> example : corpus.read()) {
      assertThat(example.predicted().label()).isNull();
      rows.add(example.reference());
    }
    return rows;
  }

  @Test
  void rowsHaveNumbersCategoriesAndLabelsWithMissingValuesKept() throws IOException {
    Path path = file("\uFEFFx1,colour,y,x2\n1.5,red,a,-2e1\nNA,\"bl,ue\",b,\n?,,\"c\",3\n");
    List<TableRow> rows = rows(csv(path, List.of(), List.of("colour"), "error", "error"));
    assertThat(rows).hasSize(3);
    TableRow first = rows.get(0);
    assertThat(first.columns().numeric()).containsExactly("x1", "x2");
    assertThat(first.columns().categorical()).containsExactly("colour");
    assertThat(first.number("x1")).isEqualTo(1.5);
    assertThat(first.number("x2")).isEqualTo(-20.0);
    assertThat(first.category("colour")).isEqualTo("red");
    assertThat(first.label()).isEqualTo("a");
    assertThat(rows.get(1).number("x1")).isNaN();
    assertThat(rows.get(1).number("x2")).isNaN();
    assertThat(rows.get(1).category("colour")).isEqualTo("bl,ue");
    assertThat(rows.get(2).category("colour")).isNull();
    assertThat(rows.get(2).label()).isEqualTo("c");
    assertThat(rows).extracting(TableRow::line).containsExactly(2, 3, 4);
  }

  @Test
  void nanIsMissingInANumericColumnButACategoryInACategoricalOne() throws IOException {
    Path path = file("x,kind,y\nnan,NaN,a\n NaN ,none,b\n");
    List<TableRow> rows = rows(csv(path, List.of(), List.of("kind"), "error", "error"));
    assertThat(rows).extracting(row -> row.number("x")).allMatch(x -> Double.isNaN(x));
    assertThat(rows).extracting(row -> row.category("kind")).containsExactly("NaN", "none");
    Path infinite = file("x,y\ninf,a\n");
    assertThatThrownBy(readingStrictly(infinite))
        .hasMessageStartingWith("[E270]").hasMessageContaining("\"inf\", which is not a number");
  }

  @Test
  void eachPassReadsTheFileAgainAndLimitStopsEarly() throws IOException {
    Path path = file("y,x\na,1\nb,2\nc,3\n");
    Corpus<TableRow> corpus = TabularRegistry.csv(path, "y", List.of(), List.of(), ProblemPolicy.ERROR,
        ProblemPolicy.ERROR, 2, ",");
    assertThat(rows(corpus)).extracting(TableRow::label).containsExactly("a", "b");
    assertThat(rows(corpus)).extracting(TableRow::label).containsExactly("a", "b");
  }

  @Test
  void anotherDelimiterSplitsTheFields() throws IOException {
    Path path = file("y\tx\na\t1,5\n");
    Corpus<TableRow> corpus = TabularRegistry.csv(path, "y", List.of(), List.of("x"), ProblemPolicy.ERROR,
        ProblemPolicy.ERROR, 0, "\t");
    assertThat(rows(corpus).get(0).category("x")).isEqualTo("1,5");
  }

  private void assertBadRow(String text, int line, String problem) throws IOException {
    Path path = file(text);
    assertThatThrownBy(readingStrictly(path))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E270] " + path + ": line " + line + ": ")
        .hasMessageContaining(problem);
    for (String policy : List.of("warn", "ignore")) {
      CsvCorpus corpus = (CsvCorpus) csv(path, List.of(), List.of(), policy, "error");
      assertThat(rows(corpus)).extracting(TableRow::label).containsExactly("a", "c");
      assertThat(corpus.skippedRows()).isEqualTo(1);
    }
  }

  @Test
  void aRaggedRowIsACodedErrorOrACountedSkip() throws IOException {
    assertBadRow("x,y\n1,a\n2,b,extra\n3,c\n", 3, "it has 3 field(s), but the header has 2");
    assertBadRow("x,y\n1,a\n2\n3,c\n", 3, "it has 1 field(s), but the header has 2");
  }

  @Test
  void aNonNumericValueInANumericColumnIsACodedErrorOrACountedSkip() throws IOException {
    assertBadRow("x,y\n1,a\nabc,b\n3,c\n", 3, "the numeric column \"x\" holds \"abc\", which is not a number");
    assertBadRow("x,y\n1,a\nInfinity,b\n3,c\n", 3, "\"Infinity\", which is not a number");
  }

  @Test
  void aNumberBeyondADoublesRangeIsReportedAsSuchNotAsNonNumeric() throws IOException {
    assertBadRow("x,y\n1,a\n-1e400,b\n3,c\n", 3,
        "the numeric column \"x\" holds \"-1e400\", which is beyond the range of the model's 32-bit numbers");
    assertBadRow("x,y\n1,a\n1e39,b\n3,c\n", 3, "\"1e39\", which is beyond the range of the model's 32-bit numbers");
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aVeryLongCellThatIsNearlyANumberIsReportedPromptly() throws IOException {
    String digits = "1".repeat(200_000);
    assertBadRow("x,y\n1,a\n" + digits + "x,b\n3,c\n", 3, "which is not a number");
    assertBadRow("x,y\n1,a\n" + digits + ",b\n3,c\n", 3, "which is beyond the range of the model's 32-bit numbers");
    assertThat(Cells.number("1.e5")).hasValue(1e5);
    assertThat(Cells.number("-.5E-1")).hasValue(-0.05);
    assertThat(Cells.number("1e")).isEmpty();
    assertThat(Cells.number(".")).isEmpty();
  }

  @Test
  void aLongCellIsQuotedByItsStart() throws IOException {
    assertBadRow("x,y\n1,a\n" + "z".repeat(1_000_000) + ",b\n3,c\n", 3,
        "the numeric column \"x\" holds \"" + "z".repeat(60) + "... (1000000 characters)\", which is not a number");
  }

  @Test
  void anEmptyLabelIsACodedErrorOrACountedSkip() throws IOException {
    assertBadRow("x,y\n1,a\n2,NA\n3,c\n", 3, "the label column \"y\" is missing (empty, NA, ? or NaN)");
    assertBadRow("x,y\n1,a\n2,NaN\n3,c\n", 3, "the label column \"y\" is missing (empty, NA, ? or NaN)");
  }

  @Test
  void textAfterAClosingQuoteIsACodedErrorOrACountedSkip() throws IOException {
    assertBadRow("x,y\n1,a\n\"2\"x,b\n3,c\n", 3, "text after the closing quote");
  }

  @Test
  void aTruncatedFileIsACodedErrorOrACountedSkipOfItsLastRow() throws IOException {
    Path path = file("x,y\n1,a\n3,c\n4,\"d");
    assertThatThrownBy(readingStrictly(path))
        .hasMessageStartingWith("[E270] " + path + ": line 4: the quoted field opened on line 4 is not closed");
    CsvCorpus corpus = (CsvCorpus) csv(path, List.of(), List.of(), "warn", "error");
    assertThat(rows(corpus)).extracting(TableRow::label).containsExactly("a", "c");
    assertThat(corpus.skippedRows()).isEqualTo(1);
    Path cut = file("x,y\n1,a\n3,c\n4");
    assertThatThrownBy(readingStrictly(cut))
        .hasMessageStartingWith("[E270] " + cut + ": line 4: it has 1 field(s)");
  }

  @Test
  void badRowsAreCountedPerPass() throws IOException {
    Path path = file("x,y\n1,a\nq,b\nr,c\n4,d\n");
    CsvCorpus corpus = (CsvCorpus) csv(path, List.of(), List.of(), "ignore", "error");
    assertThat(corpus.skippedRows()).isEqualTo(-1);
    assertThat(rows(corpus)).hasSize(2);
    assertThat(rows(corpus)).hasSize(2);
    assertThat(corpus.skippedRows()).isEqualTo(2);
  }

  @Test
  void aFileSeparatedBySemicolonsGetsAHintAboutTheDelimiter() throws IOException {
    Path path = file("x;y\n1;a\n");
    assertThatThrownBy(readingStrictly(path))
        .hasMessageStartingWith("[E273]").hasMessageContaining("is the file separated by \";\"? Set delimiter = \";\"");
  }

  @Test
  void aFileOfTheLabelAloneIsACodedErrorNotAModelWithoutFeatures() throws IOException {
    Path path = file("y\na\nb\n");
    assertThatThrownBy(readingStrictly(path)).hasMessage("[E278] " + path + ": the header names only the label column"
        + " \"y\", so the rows have no features to learn from. Add the feature columns to the file (is it separated by"
        + " another delimiter?).");
  }

  @Test
  void aHeaderColumnWithoutANameIsACodedError() throws IOException {
    Path path = file("x,y,\n1,a,9\n");
    assertThatThrownBy(readingStrictly(path))
        .hasMessageStartingWith("[E277] " + path + ": line 1: column 3 of the header has no name");
  }

  @Test
  void aMissingLabelOrNeededColumnIsACodedErrorNamingIt() throws IOException {
    Path path = file("x,z\n1,2\n");
    assertThatThrownBy(readingStrictly(path))
        .hasMessage("[E273] " + path + ": label names the column \"y\", which the header does not have. "
            + "Columns in the file: [x, z].");
    Path labelled = file("x,y\n1,a\n");
    assertThatThrownBy(() -> rows(csv(labelled, List.of("x", "w"), List.of(), "error", "error")))
        .hasMessageStartingWith("[E273] " + labelled + ": columns names the column \"w\"");
    assertThatThrownBy(() -> rows(csv(labelled, List.of(), List.of("v"), "error", "error")))
        .hasMessageStartingWith("[E273] " + labelled + ": categorical names the column \"v\"");
    Path notATable = file("{\"text\": \"" + "a very long first line of a JSONL file given by mistake ".repeat(20) + "\"}\n");
    assertThatThrownBy(readingStrictly(notATable))
        .hasMessageContaining("Columns in the file: [{\"text\": \"a very long first line of a...].");
  }

  @Test
  void unusedColumnsFollowTheirPolicy() throws IOException {
    Path path = file("x,y,id,note\n1,a,7,hello\n");
    assertThatThrownBy(() -> rows(csv(path, List.of("x"), List.of(), "error", "error")))
        .hasMessageStartingWith("[E274] " + path + ": the columns [id, note] are not used");
    for (String policy : List.of("warn", "ignore")) {
      List<TableRow> rows = rows(csv(path, List.of("x"), List.of(), "error", policy));
      assertThat(rows.get(0).columns().numeric()).containsExactly("x");
      assertThat(rows.get(0).columns().categorical()).isEmpty();
    }
    List<TableRow> withCategory = rows(csv(path, List.of("x"), List.of("note"), "error", "ignore"));
    assertThat(withCategory.get(0).category("note")).isEqualTo("hello");
  }

  @Test
  void headerProblemsAreCodedErrors() throws IOException {
    Path empty = file("\n\n");
    assertThatThrownBy(readingStrictly(empty)).hasMessageStartingWith("[E271] ");
    Path twice = file("x,y,x\n1,a,2\n");
    assertThatThrownBy(readingStrictly(twice))
        .hasMessageStartingWith("[E272] " + twice + ": line 1: the header names the column \"x\" twice");
    Path missingFile = dir.resolve("nope.csv");
    assertThatThrownBy(readingStrictly(missingFile))
        .hasMessageStartingWith("[E080] " + missingFile);
  }

  @Test
  void textThatIsNotUtf8IsACodedError() throws IOException {
    Path path = dir.resolve("latin1.csv");
    Files.write(path, "x,y\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(readingStrictly(path))
        .hasMessageStartingWith("[E082] " + path + ": line 2");
  }

  @Test
  void badSettingsAreCodedErrors() {
    Path path = dir.resolve("any.csv");
    assertThatThrownBy(() -> TabularRegistry.csv(path, "y", List.of(), List.of(), ProblemPolicy.ERROR,
        ProblemPolicy.ERROR, 0, ";;")).hasMessageStartingWith("[E275] ");
    assertThatThrownBy(() -> TabularRegistry.csv(path, "y", List.of("x", "y"), List.of(), ProblemPolicy.ERROR,
        ProblemPolicy.ERROR, 0, ",")).hasMessageStartingWith("[E276] kiln.Csv.v1: the label column \"y\" is also listed in columns");
  }

  @Test
  void damagedFilesGiveACodedErrorOrCountedSkipsNeverAnotherException() throws IOException {
    String valid = "x,colour,y\n1.5,red,a\n\"2\",\"bl,ue\",b\nNA,,c\n-3e2,\"say \"\"hi\"\"\",d\n";
    String noise = ",\"\n\rx9.-?NA\u00e9 ";
    SplittableRandom random = new SplittableRandom(11);
    int errors = 0;
    int skips = 0;
    for (int trial = 0; trial < 400; trial++) {
      StringBuilder text = new StringBuilder(valid);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.setLength(at);
          case 1 -> text.insert(at, noise.charAt(random.nextInt(noise.length())));
          default -> text.deleteCharAt(at);
        }
      }
      Path path = file(text.toString());
      for (String policy : List.of("error", "warn", "ignore")) {
        CsvCorpus corpus = (CsvCorpus) csv(path, List.of(), List.of("colour"), policy, "ignore");
        try {
          int read = rows(corpus).size();
          assertThat(read + corpus.skippedRows()).as(text.toString()).isLessThanOrEqualTo(text.length());
          if (policy.equals("error")) {
            assertThat(corpus.skippedRows()).isZero();
          }
          skips += corpus.skippedRows();
        } catch (KilnException expected) {
          errors++;
          assertThat(expected.getMessage()).as(text.toString()).matches("(?s)\\[E27[0-7]\\] .*");
        }
      }
    }
    assertThat(errors).isGreaterThan(100);
    assertThat(skips).isGreaterThan(100);
  }
}
