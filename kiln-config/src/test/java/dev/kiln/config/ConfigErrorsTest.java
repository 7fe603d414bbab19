package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input under {@code corpus/errors} fails with the code and the line (or override path)
 * named in its {@code # expect:} comment; {@code # override: key=json} lines are applied first.
 */
class ConfigErrorsTest {
  private static final Pattern EXPECT = Pattern.compile("# expect: (E\\d{3}) (line (\\d+)|\\S+)");

  /** Inputs Thinc 8.1.7 accepts but kiln refuses on purpose (see the Javadoc of Config). */
  private static final List<String> REFUSED_ONLY_BY_KILN = List.of(
      "09-section-name-with-spaces.cfg",
      "10-text-after-section-header.cfg",
      "21-override-of-missing-key.cfg");

  static List<Path> errors() {
    return Corpus.errors();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsWithItsCodeAndLine(Path cfg) {
    String text = Corpus.read(cfg);
    Matcher expect = EXPECT.matcher(text);
    assertThat(expect.find()).as("an '# expect:' line in " + cfg).isTrue();

    KilnException e = catchThrowableOfType(
        () -> Config.read(cfg).withOverrides(overrides(text)).interpolate(), KilnException.class);

    assertThat(e).as("a KilnException for " + cfg).isNotNull();
    assertThat(e.code().name()).isEqualTo(expect.group(1));
    assertThat(e.getMessage()).startsWith("[" + expect.group(1) + "] ");
    if (expect.group(3) != null) {
      assertThat(e.getMessage()).contains(cfg.toString()).contains("line " + expect.group(3));
    } else {
      assertThat(e.getMessage()).contains("override " + expect.group(2));
    }
  }

  @Test
  void thincRefusesEveryErrorInputExceptTheDocumentedOnes() {
    List<String> acceptedByThinc = new ArrayList<>();
    for (String line : Corpus.read(Corpus.DIR.resolve("errors/thinc-results.txt")).split("\n")) {
      if (line.contains("\taccepted: ")) {
        acceptedByThinc.add(line.substring(0, line.indexOf('\t')));
      }
    }
    assertThat(acceptedByThinc).containsExactlyElementsOf(REFUSED_ONLY_BY_KILN);
  }

  private static Map<String, Object> overrides(String text) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# override: ")) {
        String[] kv = line.substring("# override: ".length()).split("=", 2);
        overrides.put(kv[0].strip(), Config.parseValue(kv[1]));
      }
    }
    return overrides;
  }
}
