package dev.kiln.cli;

/** picocli's exit-status convention, as kiln uses it. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int USER_ERROR = 2;
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
