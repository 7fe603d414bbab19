package dev.kiln.train.disk;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a run's output directory for the run alone: two runs writing the same {@code model-last}
 * would replace each other's checkpoints mid-commit, and a resume would read a mixture. The lock
 * is the operating system's on {@code DIR/.kiln.lock}, so a killed run releases it.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  private static final String FILE = ".kiln.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code output} if needed and locks it.
   *
   * @throws KilnException E249 if another run holds it, E212 if it cannot be a directory
   */
  public static OutputLock acquire(Path output) {
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, output, "it is not a directory and cannot be created as one (" + IoReason.of(e) + ")");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(output.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        close(channel);
        throw new KilnException(ErrorCode.E249, output);
      }
      return new OutputLock(channel, lock);
    } catch (OverlappingFileLockException heldInThisJvm) {
      close(channel);
      throw new KilnException(ErrorCode.E249, output);
    } catch (IOException e) {
      // A file system without locks (some network mounts): train as before, unguarded.
      close(channel);
      LOG.warn("cannot lock {} ({}): another run into the same directory would not be refused", output, IoReason.of(e));
      return new OutputLock(null, null);
    }
  }

  @Override
  public void close() {
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException ignored) {
        // Closing the channel releases it as well.
      }
    }
    close(channel);
  }

  private static void close(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing is written through it; the lock goes with the process at worst.
    }
  }
}
