package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./kiln ...} line in the README's code blocks runs and exits 0, in order, so the
 * README cannot rot. Output under {@code runs/} goes to a temporary folder; the full
 * Fashion-MNIST run (Debian's data, minutes of training) is left to the benchmarks.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir static Path runs;

  @TestFactory
  List<DynamicTest> readmeCommandsSucceed() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (inCode && line.startsWith("./kiln ") && !line.contains("examples/fashion-mnist/")) {
        tests.add(DynamicTest.dynamicTest(line, () -> {
          Path log = runs.resolve("command.log");
          int exit = KilnProcess.run(ROOT, log, arguments(line));
          assertThat(exit).as(Files.readString(log)).isZero();
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests;
  }

  /** The line's arguments (run from the repository root), with {@code runs/...} in a temporary folder. */
  private static String[] arguments(String line) {
    String[] words = line.substring("./kiln ".length()).trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (words[i].startsWith("runs/")) {
        words[i] = runs.resolve(words[i]).toString();
      }
    }
    return words;
  }
}
