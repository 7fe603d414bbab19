package dev.kiln.tabular;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowTest {
  private static final TableColumns COLUMNS = new TableColumns(Path.of("t.csv"), "y", List.of("x", "z"), List.of("c"));

  @Test
  void aRowWhoseValuesDoNotMatchItsColumnsIsRefusedWhereItIsMade() {
    assertThatThrownBy(() -> new TableRow(COLUMNS, 1, new double[] {1}, new String[] {"up"}, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 numbers").hasMessageContaining("[x, z]");
    assertThatThrownBy(() -> new TableRow(COLUMNS, 1, new double[] {1, 2}, new String[0], null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 categories").hasMessageContaining("[c]");
  }
}
