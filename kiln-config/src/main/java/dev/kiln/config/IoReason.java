package dev.kiln.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words for a coded message. Java's file exceptions
 * carry the path as their message ("cannot read examples/train.jsonl: examples/train.jsonl"),
 * which says nothing the message does not already say.
 */
public final class IoReason {
  private IoReason() {}

  /** "no such file", "permission denied", the system's reason, or the exception's message. */
  public static String of(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a directory";
    }
    if (e instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
