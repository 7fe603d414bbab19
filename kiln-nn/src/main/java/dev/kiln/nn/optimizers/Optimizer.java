package dev.kiln.nn.optimizers;

/**
 * Updates parameters from their gradients; Thinc's {@code Optimizer.__call__}, in place.
 *
 * <p>{@code Model.finishUpdate(optimizer)} calls {@link #update} once for each parameter that has
 * a gradient, with a key that is stable across processes for the same config (the model's position
 * in its tree plus the parameter name), so that state saved by key can be restored on resume.
 */
public interface Optimizer {
  /**
   * Applies one update to {@code weights} from {@code gradient}, both of the same length, and
   * zeroes {@code gradient}. Keeps per-key state (moments, averages).
   */
  void update(String key, float[] weights, float[] gradient);

  /**
   * Whether this optimizer holds state from an {@link #update} of {@code key}, made in this
   * process or restored by {@link #readState}. {@code Model.finishUpdate} goes on updating such a
   * parameter in steps that give it no gradient, as Thinc does once a parameter has had one; an
   * optimizer that keeps no per-key state answers false, and then only parameters with a fresh
   * gradient reach it.
   */
  boolean hasUpdated(String key);

  /** Advances every scheduled hyperparameter by one step (Thinc's {@code step_schedules}). */
  void stepSchedules();

  /** How many times {@link #stepSchedules} was called: the step schedules are read at. */
  long scheduleStep();

  /** Records an evaluation's main score (Thinc's {@code last_score}) for score-driven schedules. */
  void lastScore(long step, double score);

  /** The averaged weights by key when {@code use_averages} is on, else an empty map. */
  java.util.Map<String, float[]> averages();

  /** Writes the state (moments, averages, counters, schedule step, scores) into {@code dir}. */
  void writeState(java.nio.file.Path dir);

  /** Restores what {@link #writeState} wrote, so training continues bit-identically. */
  void readState(java.nio.file.Path dir);
}
