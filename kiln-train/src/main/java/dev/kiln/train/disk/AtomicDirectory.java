package dev.kiln.train.disk;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Replaces a directory such as {@code model-last/} so that a crash at any instant leaves either
 * the old complete version or the new complete one.
 *
 * <p>The new version is written to {@code .NAME.new}, its manifest last, and forced to disk;
 * then the old directory is renamed to {@code .NAME.old}, the new one to {@code NAME}, and the
 * old one deleted. Renames are atomic, but two renames are not one: a crash between them leaves
 * no {@code NAME}, only the two complete copies. {@link #recover} finishes such a commit (or rolls
 * back a half-written one); only the writer runs it (the run holding the output directory's
 * {@link OutputLock}, before it writes), since the staging folder it deletes may be the one the
 * writer is filling. A reader changes nothing: it reads the version {@link #readable} names.
 */
public final class AtomicDirectory {
  /** Writes the contents of a new version into the (empty) staging directory. */
  @FunctionalInterface
  public interface Contents {
    void writeTo(Path staging) throws IOException;
  }

  private AtomicDirectory() {}

  /** Replaces {@code target} with what {@code contents} writes, atomically as described above. */
  public static void commit(Path target, Contents contents) {
    stage(target, contents).publish();
  }

  /**
   * As {@link #commit}, for contents copied from {@code source}, a committed directory: the files
   * its manifest lists keep their checksums instead of being read and hashed again.
   */
  public static void commitCopy(Path source, Path target, Contents contents) {
    Manifest copiedFrom;
    try {
      copiedFrom = Manifest.read(source);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, target, IoReason.of(e));
    }
    stage(target, contents).publish(copiedFrom);
  }

  /**
   * The first half of a commit: writes the new version into {@code .NAME.new}. Nothing is
   * visible until {@link Staged#publish}, which may run on another thread (the training loop
   * writes a checkpoint, then trains on while it is forced to disk and renamed in).
   */
  public static Staged stage(Path target, Contents contents) {
    Path staging = sibling(target, ".new");
    try {
      recover(target);
      Files.createDirectories(target.toAbsolutePath().getParent());
      deleteTree(staging);
      Files.createDirectory(staging);
      contents.writeTo(staging);
      return new Staged(target, staging);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, target, IoReason.of(e));
    }
  }

  /** A new version written in full but not yet published. */
  public static final class Staged {
    private final Path target;
    private final Path staging;

    private Staged(Path target, Path staging) {
      this.target = target;
      this.staging = staging;
    }

    /** Forces the new version to disk, writes its manifest and swaps it in for the old one. */
    public void publish() {
      publish(Manifest.NONE);
    }

    private void publish(Manifest copiedFrom) {
      Path old = sibling(target, ".old");
      try {
        Durable.syncTree(staging);
        Manifest.of(staging, copiedFrom).write(staging);
        Durable.sync(staging);
        if (Files.exists(target)) {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        Durable.sync(target.toAbsolutePath().getParent());
        deleteTree(old);
      } catch (IOException e) {
        throw new KilnException(ErrorCode.E212, target, IoReason.of(e));
      }
    }
  }

  /**
   * Brings {@code target} back to a complete version after a crash: finishes an interrupted
   * commit whose new version is complete, else restores the old version, and removes leftovers.
   * For the writer of {@code target} alone: it deletes the staging folder another process may be
   * writing.
   */
  public static void recover(Path target) {
    Path staging = sibling(target, ".new");
    Path old = sibling(target, ".old");
    try {
      if (!Files.exists(target)) {
        if (Files.exists(staging) && isComplete(staging)) {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } else if (Files.exists(old)) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      deleteTree(staging);
      deleteTree(old);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, target, IoReason.of(e));
    }
  }

  /**
   * Where a reader finds {@code target}'s current version without changing anything on disk:
   * {@code target} itself, or, when a commit is between its two renames or a crash left it there,
   * the version {@link #recover} would keep (the complete new one, else the old one). When there is
   * none, {@code target}, which then does not exist.
   */
  public static Path readable(Path target) {
    if (Files.exists(target)) {
      return target;
    }
    Path staging = sibling(target, ".new");
    if (Files.exists(staging) && isComplete(staging)) {
      return staging;
    }
    Path old = sibling(target, ".old");
    return Files.exists(old) ? old : target;
  }

  /** Whether {@code directory} has a manifest that matches its files. */
  public static boolean isComplete(Path directory) {
    try {
      Manifest.verify(directory);
      return true;
    } catch (KilnException | UncheckedIOException e) {
      // UncheckedIOException: a folder of it went while it was walked, renamed in by its writer.
      return false;
    }
  }

  /** Deletes a directory tree if it exists. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(directory);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static Path sibling(Path target, String suffix) {
    Path absolute = target.toAbsolutePath();
    return absolute.resolveSibling("." + absolute.getFileName() + suffix);
  }
}
