package dev.kiln.train;

/**
 * Where one epoch's time went, in seconds (emloop's epoch profile).
 *
 * @param data reading and batching the corpus
 * @param update forward, backward and optimizer steps
 * @param evaluation evaluating the dev and extra corpora
 * @param hooks running hooks and loggers
 */
public record EpochProfile(double data, double update, double evaluation, double hooks) {
  public static final EpochProfile ZERO = new EpochProfile(0, 0, 0, 0);

  EpochProfile plus(Phase phase, double seconds) {
    return switch (phase) {
      case DATA -> new EpochProfile(data + seconds, update, evaluation, hooks);
      case UPDATE -> new EpochProfile(data, update + seconds, evaluation, hooks);
      case EVALUATION -> new EpochProfile(data, update, evaluation + seconds, hooks);
      case HOOKS -> new EpochProfile(data, update, evaluation, hooks + seconds);
    };
  }

  /** The phases of a step that the profile times. */
  enum Phase { DATA, UPDATE, EVALUATION, HOOKS }
}
