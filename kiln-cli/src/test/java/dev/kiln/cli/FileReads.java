package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * How many bytes were read from each file under a folder while something ran, as the JDK's
 * flight recorder counts them ({@code jdk.FileRead} events with no duration threshold: every
 * read of a file stream or channel). A file read n times whole shows n times its size.
 */
final class FileReads {
  private FileReads() {}

  /** Something to run that may throw. */
  interface Action {
    void run() throws Exception;
  }

  /** The bytes read from each file under {@code folder} (absolute) while {@code action} ran. */
  static Map<Path, Long> during(Path folder, Action action) throws Exception {
    Path recorded = Files.createTempFile("kiln-file-reads", ".jfr");
    try {
      try (Recording recording = new Recording()) {
        recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withoutStackTrace();
        recording.start();
        action.run();
        recording.stop();
        recording.dump(recorded);
      }
      Map<Path, Long> bytes = new HashMap<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(recorded)) {
        String path = event.getString("path");
        long read = event.getLong("bytesRead");
        if (path != null && read > 0 && Path.of(path).startsWith(folder)) {
          bytes.merge(Path.of(path), read, Long::sum);
        }
      }
      return bytes;
    } finally {
      Files.deleteIfExists(recorded);
    }
  }

  /** How many times the bytes of {@code file} were read whole, by {@code reads}. */
  static double timesRead(Map<Path, Long> reads, Path file) throws IOException {
    return (double) reads.getOrDefault(file, 0L) / Files.size(file);
  }
}
