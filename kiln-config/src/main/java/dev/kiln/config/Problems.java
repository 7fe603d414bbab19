package dev.kiln.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one pass over a config, collected so that the user sees all of them in
 * one error ({@link ErrorCode#E042}) instead of fixing them one run at a time.
 */
final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem at {@code at}; the code's first placeholder receives the path text. */
  void add(Location at, ErrorCode code, Object... args) {
    Object[] withPath = new Object[args.length + 1];
    withPath[0] = at.text();
    System.arraycopy(args, 0, withPath, 1, args.length);
    problems.add(new Problem(at.path(), at.line(), code.format(withPath)));
  }

  /**
   * Records a function's refusal of its arguments: at the refused key's line when the function
   * named a key the config gave ({@link RejectedArgument}), else as {@link ErrorCode#E053} at
   * {@code at}, naming {@code target}.
   */
  void rejected(Location at, String target, KilnException rejection, ResolvedMap keywords) {
    if (rejection instanceof RejectedArgument argument && keywords.containsKey(argument.key())) {
      int line = keywords.lineOf(argument.key()) > 0 ? keywords.lineOf(argument.key()) : at.line();
      problems.add(new Problem(at.child(argument.key(), line).path(), line, rejection.getMessage()));
    } else {
      add(at, ErrorCode.E053, target, rejection.getMessage());
    }
  }

  /** How many problems were recorded so far; callers compare counts to see if a step failed. */
  int count() {
    return problems.size();
  }

  /** Throws one {@link ErrorCode#E042} listing every problem, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw listed(problems, "the config");
    }
  }

  /** {@link ErrorCode#E042} for {@code problems} of the config called {@code source}. */
  static KilnException listed(List<Problem> problems, String source) {
    StringBuilder listing = new StringBuilder();
    for (Problem problem : problems) {
      if (listing.length() > 0) {
        listing.append('\n');
      }
      listing.append("  ");
      if (problem.line() > 0) {
        listing.append("line ").append(problem.line()).append(": ");
      }
      listing.append(problem.message());
    }
    return new KilnException(ErrorCode.E042, problems, null, source, problems.size(), listing);
  }
}
