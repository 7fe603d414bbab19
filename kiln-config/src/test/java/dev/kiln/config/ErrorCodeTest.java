package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's own rules: unique codes, contiguous placeholders, arity enforced. */
class ErrorCodeTest {
  @Test
  void codesAreUniqueThreeDigitNumbers() {
    Set<Integer> numbers = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.name()).matches("E\\d{3}");
      assertThat(numbers.add(Integer.parseInt(code.name().substring(1))))
          .as("%s is unique", code).isTrue();
    }
  }

  @Test
  void placeholdersAreContiguousFromZero() {
    for (ErrorCode code : ErrorCode.values()) {
      BitSet used = MessageTemplates.used(code.template());
      assertThat(used.nextClearBit(0)).as("placeholders of %s", code).isEqualTo(code.arity());
      assertThat(used.cardinality()).as("placeholders of %s", code).isEqualTo(code.arity());
    }
  }

  @Test
  void noTemplateHasALoneApostropheWhichMessageFormatWouldSwallow() {
    // A single ' starts a quoted run in MessageFormat: "the teacher's {0}" prints "the teachers {0}"
    // with the placeholder left unfilled. Braces are written '{' and '}', an apostrophe ''.
    for (ErrorCode code : ErrorCode.values()) {
      String escapesRemoved = code.template().replace("'{'", "").replace("'}'", "").replace("''", "");
      assertThat(escapesRemoved).as("template of %s", code).doesNotContain("'");
    }
  }

  @Test
  void everyCodeFormatsWithItsArityAndNamesItself() {
    for (ErrorCode code : ErrorCode.values()) {
      Object[] args = new Object[code.arity()];
      for (int i = 0; i < args.length; i++) {
        args[i] = "<arg" + i + ">";
      }
      String message = code.format(args);
      assertThat(message).startsWith("[" + code.name() + "] ").doesNotContainPattern("\\{\\d+}");
      for (Object arg : args) {
        assertThat(message).as("%s shows %s", code, arg).contains(arg.toString());
      }
    }
  }

  @Test
  void wrongNumberOfArgumentsIsRefused() {
    assertThatThrownBy(() -> ErrorCode.E047.format("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E047 takes 3");
  }

  @Test
  void quotesInArgumentsAreKeptLiterally() {
    assertThat(ErrorCode.E047.format("a -> b", "a 'quoted' {0} thing", "it's"))
        .isEqualTo("[E047] a -> b: expected a 'quoted' {0} thing, found it's. "
            + "Change the value to a 'quoted' {0} thing.");
  }
}
