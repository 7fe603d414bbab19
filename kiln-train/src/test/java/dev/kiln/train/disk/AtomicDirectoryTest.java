package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {
  @TempDir Path root;

  private static AtomicDirectory.Contents version(String text) {
    return staging -> {
      Files.writeString(staging.resolve("weights.bin"), text);
      Files.createDirectories(staging.resolve("tagger"));
      Files.writeString(staging.resolve("tagger/state.json"), "{\"v\": \"" + text + "\"}");
    };
  }

  @Test
  void commitReplacesTheWholeDirectoryAndLeavesNoStagingBehind() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, version("one"));
    Files.writeString(target.resolve("stale.txt"), "from an old layout");
    AtomicDirectory.commit(target, version("two"));
    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("two");
    assertThat(target.resolve("stale.txt")).doesNotExist();
    assertThat(Manifest.verify(target).files()).containsOnlyKeys("weights.bin", "tagger/state.json");
    try (var names = Files.list(root)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("model-last");
    }
  }

  @Test
  void aCommittedCopyTakesTheSourcesChecksumsForTheFilesItCopied() throws IOException {
    Path last = root.resolve("model-last");
    AtomicDirectory.commit(last, version("one"));
    Path best = root.resolve("model-best");
    AtomicDirectory.commitCopy(last, best, staging -> {
      Files.copy(last.resolve("weights.bin"), staging.resolve("weights.bin"));
      Files.writeString(staging.resolve("extra.txt"), "written, not copied");
    });

    Manifest copied = Manifest.verify(best);
    assertThat(copied.files().get("weights.bin")).isEqualTo(Manifest.verify(last).files().get("weights.bin"));
    assertThat(copied.files()).containsOnlyKeys("weights.bin", "extra.txt");

    // Checksums are taken by name and size, not read again: a file of the same size and other
    // bytes keeps the source's checksum, so the copy's own manifest check then reports it.
    AtomicDirectory.commitCopy(last, best, staging -> Files.writeString(staging.resolve("weights.bin"), "two"));
    assertThatThrownBy(() -> Manifest.verify(best)).hasMessageContaining("weights.bin has changed");
  }

  @Test
  void aStagedVersionIsInvisibleUntilPublishedAndRecoverDropsItIfNeverPublished() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, version("old"));
    AtomicDirectory.Staged staged = AtomicDirectory.stage(target, version("new"));
    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("old");
    staged.publish();
    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("new");

    AtomicDirectory.stage(target, version("killed before publishing"));
    AtomicDirectory.recover(target);
    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("new");
    assertThat(root.resolve(".model-last.new")).doesNotExist();
  }

  @Test
  void aCrashBetweenTheTwoRenamesIsFinishedByRecover() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, version("old"));
    AtomicDirectory.commit(root.resolve("staged"), version("new"));
    Files.move(target, root.resolve(".model-last.old"));
    Files.move(root.resolve("staged"), root.resolve(".model-last.new"));

    AtomicDirectory.recover(target);

    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("new");
    assertThat(root.resolve(".model-last.old")).doesNotExist();
  }

  @Test
  void aHalfWrittenNewVersionIsDiscardedAndTheOldOneRestored() throws IOException {
    Path target = root.resolve("model-last");
    AtomicDirectory.commit(target, version("old"));
    Files.move(target, root.resolve(".model-last.old"));
    Path staging = Files.createDirectory(root.resolve(".model-last.new"));
    Files.writeString(staging.resolve("weights.bin"), "ne");

    AtomicDirectory.recover(target);

    assertThat(Files.readString(target.resolve("weights.bin"))).isEqualTo("old");
    assertThat(staging).doesNotExist();
    Manifest.verify(target);
  }

  @Test
  void readableNamesTheVersionRecoverWouldKeepWithoutMovingAnything() throws IOException {
    Path target = root.resolve("model-last");
    assertThat(AtomicDirectory.readable(target)).isEqualTo(target);
    AtomicDirectory.commit(target, version("old"));
    Path staging = Files.createDirectory(root.resolve(".model-last.new"));
    assertThat(AtomicDirectory.readable(target)).isEqualTo(target);

    Files.move(target, root.resolve(".model-last.old"));
    assertThat(AtomicDirectory.readable(target)).isEqualTo(root.resolve(".model-last.old"));

    Files.delete(staging);
    AtomicDirectory.commit(root.resolve("staged"), version("new"));
    Files.move(root.resolve("staged"), staging);
    assertThat(AtomicDirectory.readable(target)).isEqualTo(staging);
    assertThat(target).doesNotExist();
    assertThat(Files.readString(staging.resolve("weights.bin"))).isEqualTo("new");
    assertThat(root.resolve(".model-last.old/weights.bin")).hasContent("old");
  }

  @Test
  void verifyNamesMissingChangedAndExtraFiles() throws IOException {
    Path target = root.resolve("model-best");
    AtomicDirectory.commit(target, version("one"));
    Files.writeString(target.resolve("weights.bin"), "tampered");
    Files.delete(target.resolve("tagger/state.json"));
    Files.writeString(target.resolve("extra"), "x");
    assertThatThrownBy(() -> Manifest.verify(target))
        .hasMessageStartingWith("[E211]")
        .hasMessageContaining("tagger/state.json is missing")
        .hasMessageContaining("weights.bin has changed")
        .hasMessageContaining("extra is not in the manifest");
    Files.delete(target.resolve(Manifest.FILE_NAME));
    assertThatThrownBy(() -> Manifest.verify(target)).hasMessageStartingWith("[E210]");
  }
}
