package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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

  /**
   * The README's Java example compiles against kiln's modules and runs: in a folder of its own
   * that sees the repository's {@code examples/}, so that its {@code runs/} output stays there.
   */
  @Test
  void theJavaExampleCompilesAndRuns() throws IOException, InterruptedException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("```java\n");
    assertThat(start).as("a java block in the README").isNotNegative();
    String source = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 3));
    Path work = Files.createDirectories(runs.resolve("java-example"));
    Files.createSymbolicLink(work.resolve("examples"), ROOT.resolve("examples"));
    Path file = Files.writeString(work.resolve("SpamExample.java"), source);
    String classPath = System.getProperty("java.class.path");
    int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", classPath, "-d", work.toString(),
        file.toString());
    assertThat(compiled).isZero();

    Path log = work.resolve("run.log");
    Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath + File.pathSeparator + work, "SpamExample")
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).containsPattern("requested: good enough, best score 0\\.9")
        .containsPattern("\\{HAM=[0-9.E-]+, SPAM=[0-9.E-]+}");
    assertThat(work.resolve("runs/spam-java/model-best/manifest.json")).exists();
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
