package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code kiln predict} and {@code kiln evaluate} write: never over what they read, never
 * half a file. Once, {@code --output} equal to the input emptied the user's data, a bad line
 * late in the input left a truncated file that looked complete, and a metrics file written into
 * the model directory broke the model's manifest.
 */
class PredictOutputTest {
  @TempDir Path dir;
  private Path model;
  private Path data;

  @BeforeEach
  void train() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 10);
    KilnRun train = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString());
    assertThat(train.exit()).as(train.err()).isZero();
    model = dir.resolve("run/model-last");
    data = dir.resolve("dev.jsonl");
  }

  @Test
  void theInputAsOutputIsRefusedAndTheInputKept() throws IOException {
    List<String> before = Files.readAllLines(data);
    KilnRun predict = KilnRun.of("predict", model.toString(), data.toString(), "--output", data.toString());
    assertThat(predict.exit()).isEqualTo(2);
    assertThat(predict.err()).startsWith("[E406]");
    KilnRun evaluate = KilnRun.of("evaluate", model.toString(), data.toString(), "--output", data.toString());
    assertThat(evaluate.err()).startsWith("[E406]");
    assertThat(Files.readAllLines(data)).isEqualTo(before);
  }

  @Test
  void anOutputInsideTheModelDirectoryIsRefusedAndTheModelStillLoads() {
    KilnRun evaluate = KilnRun.of("evaluate", model.toString(), data.toString(),
        "--output", model.resolve("meta.json").toString());
    assertThat(evaluate.exit()).isEqualTo(2);
    assertThat(evaluate.err()).startsWith("[E407]");
    KilnRun predict = KilnRun.of("predict", model.toString(), data.toString(),
        "--output", model.resolve("predictions.jsonl").toString());
    assertThat(predict.err()).startsWith("[E407]");
    assertThat(KilnRun.of("evaluate", model.toString(), data.toString()).exit()).isZero();
  }

  @Test
  void aBadLineLateInTheInputLeavesTheOldOutputAsItWas() throws IOException {
    List<String> lines = Files.readAllLines(data);
    Path damaged = dir.resolve("damaged.jsonl");
    Files.write(damaged, List.of(String.join("\n", lines.subList(0, 100)), "not json"));
    Path output = dir.resolve("predictions.jsonl");
    Files.writeString(output, "{\"kept\": true}\n");

    KilnRun predict = KilnRun.of("predict", model.toString(), damaged.toString(), "--output", output.toString());

    assertThat(predict.exit()).isEqualTo(2);
    assertThat(predict.err()).contains("line 101");
    assertThat(Files.readString(output)).isEqualTo("{\"kept\": true}\n");
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void aDirectoryAsOutputIsRefusedAndADeviceIsWrittenNotReplaced() {
    KilnRun intoDirectory = KilnRun.of("predict", model.toString(), data.toString(), "--output", dir.toString());
    assertThat(intoDirectory.exit()).isEqualTo(2);
    assertThat(intoDirectory.err()).startsWith("[E405]");

    KilnRun intoNull = KilnRun.of("predict", model.toString(), data.toString(), "--output", "/dev/null");
    assertThat(intoNull.exit()).as(intoNull.err()).isZero();
    assertThat(Path.of("/dev/null")).satisfies(path -> assertThat(Files.isRegularFile(path)).isFalse());
  }

  @Test
  void predictionsAreWrittenWithTheUsersFilePermissions() throws IOException {
    Path output = dir.resolve("out.jsonl");
    KilnRun predict = KilnRun.of("predict", model.toString(), data.toString(), "--output", output.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    assertThat(Files.readAllLines(output)).hasSize(Files.readAllLines(data).size());
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(output)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void anInputWithoutRecordsIsAnErrorAndTheOldOutputIsKept() throws IOException {
    Path output = Files.writeString(dir.resolve("predictions.jsonl"), "{\"old\": true}\n");
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    for (String target : new String[] {"-", output.toString()}) {
      KilnRun predict = KilnRun.of("predict", model.toString(), empty.toString(), "--output", target);
      assertThat(predict.exit()).as(target).isEqualTo(2);
      assertThat(predict.err()).startsWith("[E418] " + empty + " holds no records, so there is nothing to predict")
          .doesNotContain("\tat ");
      assertThat(predict.out()).isEmpty();
    }
    assertThat(output).hasContent("{\"old\": true}");
  }
}
