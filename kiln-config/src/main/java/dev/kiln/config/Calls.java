package dev.kiln.config;

/** Unwrapping of exceptions thrown by reflectively called registered functions. */
final class Calls {
  private Calls() {}

  /**
   * The exception to throw for a failure inside a called function that is not a user error: the
   * original unchecked exception or error as is, a checked one wrapped.
   */
  static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
