package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code ./kiln ...} line in the README's code blocks runs and exits 0, so the README cannot rot. */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TestFactory
  List<DynamicTest> readmeCommandsSucceed() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (inCode && line.startsWith("./kiln ") && !line.startsWith("./kiln train")) {
        tests.add(DynamicTest.dynamicTest(line, () -> {
          KilnRun run = KilnRun.of(arguments(line));
          assertThat(run.exit()).as(run.err()).isZero();
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests;
  }

  /** The line's arguments, with paths of the repository made absolute (tests run in kiln-cli/). */
  private static String[] arguments(String line) {
    String[] words = line.substring("./kiln ".length()).trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (!words[i].startsWith("-") && Files.exists(ROOT.resolve(words[i]))) {
        words[i] = ROOT.resolve(words[i]).toString();
      }
    }
    return words;
  }
}
