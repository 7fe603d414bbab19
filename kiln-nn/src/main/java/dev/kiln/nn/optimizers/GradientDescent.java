package dev.kiln.nn.optimizers;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.schedules.Schedule;
import dev.kiln.nn.schedules.ScoreHistory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The frame Thinc's SGD, Adam and RAdam share: per-parameter state by key, L2 penalty or weight
 * decay, gradient clipping, moving averages, and hyperparameters that follow schedules.
 *
 * <p>One {@link #update} does what Thinc's {@code Optimizer.__call__} does, in its order: count
 * the update, add the L2 term to the gradient (unless it is weight decay), clip the gradient,
 * take the algorithm's step (which zeroes the gradient), apply weight decay, update the average.
 * Arithmetic is float32 in Thinc's order of operations, so results agree with Thinc's to float
 * rounding.
 */
public abstract sealed class GradientDescent implements Optimizer permits SGD, Adam, RAdam {
  /**
   * Moments of a parameter whose gradient stays at zero decay geometrically into subnormal
   * floats, and arithmetic on subnormals is over ten times slower (measured: a 784x256 Adam step
   * 0.16 ms with normal moments, 2.1 ms with subnormal ones). Every this many updates, moments
   * below {@link Kernels#TINY} are set to zero; in between, beta1 = 0.9 cannot carry a value from
   * above TINY into the subnormal range.
   */
  private static final int FLUSH_EVERY = 64;

  private final Schedule learnRateSchedule;
  private final OptimizerOptions options;
  private final Map<String, ParamState> states = new HashMap<>();
  private long scheduleStep;
  private ScoreHistory scores = ScoreHistory.EMPTY;

  /** The current hyperparameter values, refreshed whenever the step or the scores change. */
  double learnRate;

  double l2;
  double gradClip;

  GradientDescent(Schedule learnRate, OptimizerOptions options) {
    this.learnRateSchedule = learnRate;
    this.options = options;
  }

  @Override
  public final void update(String key, float[] weights, float[] gradient) {
    if (weights.length != gradient.length) {
      throw new IllegalArgumentException(
          key + ": " + weights.length + " weights but " + gradient.length + " gradients");
    }
    if (gradient.length == 0) {
      return;
    }
    ParamState state = stateFor(key, weights.length);
    int updates = ++state.updates;
    if (l2 != 0 && !options.l2IsWeightDecay()) {
      Kernels.addScaled(gradient, weights, (float) l2);
    }
    if (gradClip != 0) {
      Kernels.clipNorm(gradient, (float) gradClip);
    }
    step(state, weights, gradient, updates);
    if (updates % FLUSH_EVERY == 0) {
      Kernels.flushTiny(state.mom1);
      Kernels.flushTiny(state.mom2);
    }
    if (l2 != 0 && options.l2IsWeightDecay()) {
      Kernels.decay(weights, (float) (learnRate * l2));
    }
    if (options.useAverages()) {
      if (state.average == null) {
        state.average = new float[weights.length];
      }
      Kernels.updateAverage(state.average, weights, updates);
    }
  }

  /**
   * The algorithm's step: updates {@code weights} from the (regularised, clipped) gradient and
   * zeroes {@code gradient}. {@code updates} counts this parameter's updates, from 1.
   */
  abstract void step(ParamState state, float[] weights, float[] gradient, int updates);

  @Override
  public final void stepSchedules() {
    scheduleStep++;
    refresh();
  }

  /**
   * Records the latest evaluation score (Thinc's {@code last_score}), which schedules such as
   * {@code plateau.v1} read.
   */
  public final void lastScore(long step, double score) {
    scores = scores.with(step, score);
    refresh();
  }

  /** Reads every scheduled hyperparameter at the current step; subclasses add their own. */
  void refresh() {
    learnRate = atLeastZero("learn_rate", learnRateSchedule);
    l2 = atLeastZero("L2", options.l2());
    gradClip = atLeastZero("grad_clip", options.gradClip());
  }

  /**
   * Reads a schedule at the current step, refusing a negative value (or NaN), as PyTorch's
   * optimizers do, and an infinite one ({@code 1e400} in a config): a mistyped value fails at
   * once instead of training backwards or into NaN weights.
   *
   * @throws KilnException E166
   */
  final double atLeastZero(String name, Schedule schedule) {
    return checked(name, schedule, value -> value >= 0 && value < Double.POSITIVE_INFINITY, "at least 0 and finite");
  }

  /**
   * Reads a moment's decay rate at the current step, refusing values outside [0, 1).
   *
   * @throws KilnException E166
   */
  final double decayRate(String name, Schedule schedule) {
    return checked(name, schedule, value -> value >= 0 && value < 1, "in [0, 1)");
  }

  private double checked(String name, Schedule schedule, DoublePredicate valid, String allowed) {
    double value = schedule.valueAt(scheduleStep, scores);
    if (!valid.test(value)) {
      throw new RejectedArgument(name, ErrorCode.E166, getClass().getSimpleName(), name, value, scheduleStep, allowed);
    }
    return value;
  }

  @Override
  public final Map<String, float[]> averages() {
    if (!options.useAverages()) {
      return Map.of();
    }
    Map<String, float[]> averages = new LinkedHashMap<>();
    states.forEach((key, state) -> {
      if (state.average != null) {
        averages.put(key, state.average);
      }
    });
    return Collections.unmodifiableMap(averages);
  }

  /**
   * Writes the whole state (moments, averages, update counts, schedule step, scores) into
   * {@code dir} as {@code optimizer.safetensors} and {@code optimizer.json}, so that
   * {@link #readState} can continue bit-identically.
   */
  public final void writeState(Path dir) {
    OptimizerStateFiles.write(this, dir);
  }

  /**
   * Replaces this optimizer's state with the one {@link #writeState} wrote into {@code dir}. The
   * optimizer must be of the same class; its hyperparameters and schedules come from its own
   * construction (the config), not from the files.
   */
  public final void readState(Path dir) {
    OptimizerStateFiles.read(this, dir);
  }

  /** How many times {@link #stepSchedules} was called. */
  public final long scheduleStep() {
    return scheduleStep;
  }

  /** The scores passed to {@link #lastScore} so far. */
  public final ScoreHistory scores() {
    return scores;
  }

  /** The learning rate at the current step. */
  public final double learnRate() {
    return learnRate;
  }

  @Override
  public final boolean hasUpdated(String key) {
    return states.containsKey(key);
  }

  /** How many updates the parameter {@code key} has had (0 if none). */
  public final int updates(String key) {
    ParamState state = states.get(key);
    return state == null ? 0 : state.updates;
  }

  public final OptimizerOptions options() {
    return options;
  }

  final Map<String, ParamState> states() {
    return states;
  }

  final void restoreClock(long step, ScoreHistory history) {
    scheduleStep = step;
    scores = history;
    refresh();
  }

  private ParamState stateFor(String key, int size) {
    ParamState state = states.get(key);
    if (state == null) {
      state = new ParamState(size);
      states.put(key, state);
    } else if (state.size != size) {
      throw new IllegalArgumentException(
          key + ": the parameter had " + state.size + " values and now has " + size);
    }
    return state;
  }
}
