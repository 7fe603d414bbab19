package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random mutations of corpus files: each must either load or fail with a
 * {@link KilnException}, and whatever loads must write back to text that loads the same.
 */
class ConfigFuzzTest {
  private static final long SEED = 20261122L;
  private static final int CASES = 20000;
  private static final String[] TOKENS = {
    "[", "]", "${", "}", "=", ":", "\"", ".", "$", "$$", "\\", "\n", " ", "    ", "\t", "*", "@",
    "#", ";", "{", "[1,", "null", "1e-8", "-", "${a.b}", "${model}", "${x}", "[a.*.b]", "[a.b]",
    "\n[DEFAULT]\n", "\r", "\u00e9", "\u2028", "\ud83d\ude80", "\ud800", "\u0000", "\ufeff",
    "\"10\"", "\\u0024{a}", "${training.seed}", "${paths", "]]", "[[", "\n  ",
    "\nk.k = ${a}\n", "\nk = ${b}\n", "\n[a.*.c]\n",
  };

  @Test
  void mutatedConfigsLoadOrFailWithACodedError() {
    Random random = new Random(SEED);
    List<String> seeds = Stream.concat(Corpus.configs().stream(), Corpus.errors().stream())
        .map(Corpus::read)
        .toList();
    int loaded = 0;
    for (int i = 0; i < CASES; i++) {
      String text = seeds.get(random.nextInt(seeds.size()));
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        text = mutate(text, random);
      }
      loaded += check(text, i) ? 1 : 0;
    }
    // The mutations must leave many inputs valid, or the test only exercises error paths.
    assertThat(loaded).isGreaterThan(CASES / 10).isLessThan(CASES);
  }

  /**
   * True if the text parsed. A KilnException is fine for the input itself, never for the text
   * kiln wrote back; any other exception fails the test.
   */
  private static boolean check(String text, int index) {
    try {
      Config parsed;
      try {
        parsed = Config.parse(text, "fuzz.cfg");
      } catch (KilnException refused) {
        assertThat(refused.getMessage()).startsWith("[" + refused.code().name() + "] ");
        return false;
      }
      parsed.toJson();
      assertThat(Config.parse(parsed.toString(), "written.cfg").root())
          .as("case %d written back:%n%s", index, text).isEqualTo(parsed.root());
      Config interpolated;
      try {
        interpolated = parsed.withOverrides(Map.of()).interpolate();
      } catch (KilnException refused) {
        assertThat(refused.getMessage()).startsWith("[" + refused.code().name() + "] ");
        return true;
      }
      interpolated.toJson();
      assertThat(Config.parse(interpolated.toString(), "written.cfg").interpolate().root())
          .as("case %d interpolated and written back:%n%s", index, text)
          .isEqualTo(interpolated.root());
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      fail("case " + index + " threw " + e + " for input:\n" + text, e);
      return false;
    }
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (random.nextInt(6)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, lines.get(at));
      case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
      case 3 -> {
        int pos = random.nextInt(text.length() + 1);
        return text.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(pos);
      }
      case 4 -> {
        int pos = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), pos + 1 + random.nextInt(8));
        return text.substring(0, pos) + text.substring(end);
      }
      default -> {
        int pos = random.nextInt(text.length() + 1);
        char c = (char) random.nextInt(0x3000);
        return text.substring(0, pos) + c + text.substring(pos);
      }
    }
    return String.join("\n", lines);
  }
}
