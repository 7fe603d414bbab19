package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Registries;
import dev.kiln.train.Component;
import dev.kiln.train.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of a pipeline directory (evaluate, predict, a distillation's teacher, a sourced
 * component) change nothing on disk, whatever state a run writing it left it in, and read one
 * version of it, never a mixture.
 */
class PipelineDirectoryTest {
  @TempDir Path root;

  private final Registries registries = registries();

  private static Registries registries() {
    Registries registries = Registries.load();
    registries.addAll(Versioned.class);
    return registries;
  }

  /** Every file under {@link #root}, by path, with its text: the whole state on disk. */
  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        files.put(root.relativize(path).toString(), Files.isRegularFile(path) ? Files.readString(path) : "/");
      }
    }
    return files;
  }

  private List<Integer> versionsOf(Pipeline<?> pipeline) {
    return pipeline.components().stream().map(component -> ((Versioned) (Component<?>) component).version()).toList();
  }

  @Test
  void loadingBesideAWritersStagingFolderLeavesItAndLoadsTheCommittedVersion() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, Versioned.pipeline(1));
    // The run is writing version 2 into .model-last.new: some files, no manifest yet.
    Path staging = Files.createDirectory(root.resolve(".model-last.new"));
    Files.writeString(staging.resolve(PipelineDirectory.CONFIG), "[nlp]\n");
    Files.createDirectories(staging.resolve("training/optimizer"));
    Map<String, String> before = files();

    assertThat(versionsOf(PipelineDirectory.load(target, registries))).containsExactly(1, 1);
    PipelineDirectory.verify(target);

    assertThat(files()).isEqualTo(before);
  }

  @Test
  void aCommitBetweenItsTwoRenamesIsReadAsTheNewVersionWithoutFinishingIt() throws IOException {
    AtomicDirectory.commit(root.resolve("old"), Versioned.pipeline(1));
    AtomicDirectory.commit(root.resolve("new"), Versioned.pipeline(2));
    Files.move(root.resolve("old"), root.resolve(".model-last.old"));
    Files.move(root.resolve("new"), root.resolve(".model-last.new"));
    Map<String, String> before = files();

    Path target = root.resolve("model-last");
    assertThat(versionsOf(PipelineDirectory.load(target, registries))).containsExactly(2, 2);

    assertThat(files()).isEqualTo(before);
    assertThat(target).doesNotExist();
  }

  @Test
  void aCrashBeforeTheNewVersionWasCompleteIsReadAsTheOldVersionWithoutRestoringIt() throws IOException {
    AtomicDirectory.commit(root.resolve("old"), Versioned.pipeline(1));
    Files.move(root.resolve("old"), root.resolve(".model-last.old"));
    Path staging = Files.createDirectories(root.resolve(".model-last.new/a"));
    Files.writeString(staging.resolve("version.txt"), "2");
    Map<String, String> before = files();

    assertThat(versionsOf(PipelineDirectory.load(root.resolve("model-last"), registries))).containsExactly(1, 1);

    assertThat(files()).isEqualTo(before);
  }

  @Test
  void aVersionCommittedWhileLoadingIsReadAgainNotMixedWithTheOne() throws IOException {
    Path target = root.resolve("model-last");
    // Loading component a of version 1 commits version 2: b would be read from version 2.
    AtomicDirectory.commit(target, Versioned.pipeline(1, target.toString(), false));

    Pipeline<?> pipeline = PipelineDirectory.load(target, registries);

    assertThat(versionsOf(pipeline)).containsExactly(2, 2);
  }

  @Test
  void aPipelineReplacedAtEveryReadIsACodedErrorAfterABoundedNumberOfReads() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, Versioned.pipeline(1, target.toString(), true));

    assertThatThrownBy(() -> PipelineDirectory.load(target, registries))
        .hasMessageStartingWith("[E265] " + target + " was replaced by a newer version while it was being read"
            + " (at each of " + PipelineDirectory.READS + " reads)")
        .hasMessageContaining("model-best");
    assertThat(Files.readString(target.resolve("a/version.txt"))).isEqualTo(Integer.toString(1 + PipelineDirectory.READS));
  }

  @Test
  void aDamagedPipelineThatDoesNotChangeIsReportedAtOnce() throws IOException {
    Path target = root.resolve("model-best");
    AtomicDirectory.commit(target, Versioned.pipeline(1));
    Files.writeString(target.resolve("b/version.txt"), "9");

    assertThatThrownBy(() -> PipelineDirectory.load(target, registries))
        .hasMessageStartingWith("[E211]")
        .hasMessageContaining("b/version.txt has changed");
  }
}
