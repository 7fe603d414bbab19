package dev.kiln.config;

/**
 * A registered function or config record refusing the value of one of its arguments, by the
 * argument's config key. Resolving a config reports it at that key's line, as the error it is,
 * rather than as the function's ({@link ErrorCode#E053}) at its section's line.
 */
public class RejectedArgument extends KilnException {
  private static final long serialVersionUID = 1L;
  private final String key;

  /** {@code key} is the argument's name in the config, e.g. {@code learn_rate}. */
  public RejectedArgument(String key, ErrorCode code, Object... args) {
    super(code, args);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
