package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.train.disk.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory whose files pass the manifest but do not belong together (edited and
 * re-manifested, or written by another tool) is refused with one coded message naming the file,
 * not an index error at the first prediction or Jackson's multi-line text.
 */
class InconsistentModelTest {
  @TempDir Path dir;
  private Path model;

  @BeforeEach
  void train() throws IOException {
    Path config = TrainingFixture.write(dir, 10, 10);
    assertThat(KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString()).exit()).isZero();
    model = dir.resolve("run/model-last");
  }

  /** Replaces a file of the model and writes a manifest that matches, as an outside edit would. */
  private void replace(String file, String text) throws IOException {
    Files.writeString(model.resolve(file), text);
    Files.delete(model.resolve(Manifest.FILE_NAME));
    Manifest.of(model).write(model);
  }

  @Test
  void labelsThatDoNotMatchTheWeightsAreRefused() throws IOException {
    replace("classifier/labels.json", "[\"c0\"]");
    KilnRun run = KilnRun.of("evaluate", model.toString(), dir.resolve("dev.jsonl").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E228] " + model.resolve("classifier") + ": the saved component has 1 labels"
        + " but its weights score 3 classes");
  }

  @Test
  void aLabelsFileThatIsNotJsonIsNamedWithItsLine() throws IOException {
    replace("classifier/labels.json", "zzz");
    KilnRun run = KilnRun.of("predict", model.toString(), dir.resolve("dev.jsonl").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E083] " + model.resolve("classifier/labels.json") + ": the file is not the JSON kiln wrote")
        .contains("(line 1, column").doesNotContain("Source");
    assertThat(run.err().strip().lines()).hasSize(1);
  }
}
