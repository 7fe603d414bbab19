package dev.kiln.train.hooks;

import dev.kiln.train.Hook;
import dev.kiln.train.LossGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards against a loss that is NaN or infinite: {@code stop} ends training before the bad step,
 * which does not count: model-last is saved as it was before it, and {@code --resume} trains the
 * same batch again (and stops there again, unless the config or the data changed, as resuming a
 * run that {@code kiln.StopAfter} stopped trains nothing more); {@code skip} discards the step and goes on; {@code rollback} also restores the
 * weights and optimizer state of the last saved checkpoint, then goes on with the next batch
 * (replaying the same batch would only give the same NaN: resume is exact). After
 * {@code max_rollbacks} rollbacks it stops.
 */
public final class StopOnNaN implements Hook, LossGuard {
  private static final Logger LOG = LoggerFactory.getLogger(StopOnNaN.class);

  /** The policies, as the config spells them. */
  public enum Policy { stop, skip, rollback }

  private final Policy policy;
  private final int maxRollbacks;
  private int rollbacks;
  private int skipped;

  public StopOnNaN(Policy policy, int maxRollbacks) {
    this.policy = policy;
    this.maxRollbacks = maxRollbacks;
  }

  @Override
  public Action onNonFiniteLoss(long step, Map<String, Double> stepLosses) {
    switch (policy) {
      case skip -> {
        skipped++;
        LOG.warn("step {}: the loss is not finite ({}); the step is skipped ({} so far)", step, stepLosses, skipped);
        return Action.SKIP;
      }
      case rollback -> {
        if (rollbacks >= maxRollbacks) {
          LOG.warn("step {}: the loss is not finite ({}) after {} rollbacks; stopping", step, stepLosses, rollbacks);
          return Action.STOP;
        }
        rollbacks++;
        LOG.warn("step {}: the loss is not finite ({}); rolling back to the last checkpoint", step, stepLosses);
        return Action.ROLLBACK;
      }
      default -> {
        LOG.warn("step {}: the loss is not finite ({}); stopping before the step is applied", step, stepLosses);
        return Action.STOP;
      }
    }
  }

  public int rollbacks() {
    return rollbacks;
  }

  public int skipped() {
    return skipped;
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("rollbacks", rollbacks);
    state.put("skipped", skipped);
    return state;
  }

  @Override
  public void restore(Map<String, Object> state) {
    rollbacks = ((Number) state.getOrDefault("rollbacks", 0)).intValue();
    skipped = ((Number) state.getOrDefault("skipped", 0)).intValue();
  }
}
