package dev.kiln.train.disk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Forcing files and directories to disk, so a rename never publishes data still in the page cache. */
final class Durable {
  private Durable() {}

  /** Forces one file's (or directory's) contents and metadata to disk. */
  static void sync(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Forces every file under {@code directory}, then the directories themselves. */
  static void syncTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        sync(path);
      }
    }
  }
}
