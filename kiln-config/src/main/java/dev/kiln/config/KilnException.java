package dev.kiln.config;

import java.util.List;

/**
 * A problem the user can fix: bad config, bad data, bad command line. The CLI prints its
 * message alone (no stack trace) and exits with status 2.
 *
 * <p>Internal errors are any other exception and exit with status 1 and a trace.
 */
public class KilnException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final List<Problem> problems;

  public KilnException(ErrorCode code, Object... args) {
    this(code, List.of(), null, args);
  }

  /** An error that carries the individual problems it summarises (see {@link ErrorCode#E042}). */
  public KilnException(ErrorCode code, List<Problem> problems, Throwable cause, Object... args) {
    super(code.format(args), cause);
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  /**
   * This error naming the config file its problems are in ({@code config.cfg has 2 problem(s)}),
   * when it lists a config's problems ({@link ErrorCode#E042}); else this error itself.
   */
  public KilnException inConfig(String source) {
    return code == ErrorCode.E042 ? Problems.listed(problems, source) : this;
  }

  public ErrorCode code() {
    return code;
  }

  /** The individual problems, each with its config path; empty for single-problem errors. */
  public List<Problem> problems() {
    return problems;
  }
}
