package dev.kiln.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records one pass of a reader skipped under a {@code warn} or {@code ignore}
 * {@link ProblemPolicy}: counted, the first problem kept for the one warning a pass logs at its
 * end under {@code warn}. (Under {@code error} the reader stops at the record instead.)
 */
public final class SkippedRecords {
  private static final Logger LOG = LoggerFactory.getLogger(SkippedRecords.class);

  private final Object source;
  private final String option;
  private final ProblemPolicy policy;
  private final String what;
  private int count;
  private String firstProblem;
  private boolean reported;

  /**
   * @param source the file or folder read, for the warning
   * @param option the policy's config key, such as {@code on_bad_row}
   * @param what what a skipped record is, such as {@code "bad row(s)"}
   */
  public SkippedRecords(Object source, String option, ProblemPolicy policy, String what) {
    this.source = source;
    this.option = option;
    this.policy = policy;
    this.what = what;
  }

  /** Counts one skipped record and why. */
  public void add(String problem) {
    if (count++ == 0) {
      firstProblem = problem;
    }
  }

  public int count() {
    return count;
  }

  /** At the end of the pass: under {@code warn}, one warning with the count (once a pass). */
  public void endOfPass() {
    if (count > 0 && policy == ProblemPolicy.WARN && !reported) {
      reported = true;
      LOG.warn("{}: skipped {} {} ({} = \"warn\"); the first: {}", source, count, what, option, firstProblem);
    }
  }
}
