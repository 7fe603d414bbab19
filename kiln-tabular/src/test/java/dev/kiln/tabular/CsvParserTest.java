package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  private static List<CsvRecord> parse(String text, char delimiter) throws IOException {
    CsvParser parser = new CsvParser(new StringReader(text), delimiter);
    List<CsvRecord> records = new ArrayList<>();
    CsvRecord record;
    while ((record = parser.next()) != null) {
      records.add(record);
    }
    return records;
  }

  @Test
  void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws IOException {
    List<CsvRecord> records = parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n4,,\"\"\n", ',');
    assertThat(records).extracting(CsvRecord::fields).containsExactly(
        List.of("a", "b", "c"), List.of("x,1", "say \"hi\"", "two\nlines"), List.of("4", "", ""));
    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4);
    assertThat(records).allMatch(r -> r.problem() == null);
  }

  @Test
  void theLastRecordNeedsNoLineBreakAndBlankLinesAreBlankRecords() throws IOException {
    List<CsvRecord> records = parse("a;b\n\n1;2", ';');
    assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b"), List.of(""), List.of("1", "2"));
    assertThat(records.get(1).isBlank()).isTrue();
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void aQuoteStillOpenAtTheEndOfTheFileIsReportedOnItsRecord() throws IOException {
    List<CsvRecord> records = parse("a,b\n1,\"unfinished\n", ',');
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.get(1).problem()).contains("opened on line 2 is not closed");
  }

  @Test
  void textAfterAClosingQuoteIsReportedAndTheRestOfTheRecordStillSplit() throws IOException {
    List<CsvRecord> records = parse("\"a\"b,c\n1,2\n", ',');
    assertThat(records.get(0).problem()).contains("text after the closing quote of field 1");
    assertThat(records.get(0).fields()).containsExactly("ab", "c");
    assertThat(records.get(1).problem()).isNull();
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    assertThat(parse("5\"3,x\n", ',').get(0).fields()).containsExactly("5\"3", "x");
  }
}
