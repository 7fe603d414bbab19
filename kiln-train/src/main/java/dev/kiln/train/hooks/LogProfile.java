package dev.kiln.train.hooks;

import dev.kiln.train.EpochProfile;
import dev.kiln.train.Hook;
import dev.kiln.train.StopDecision;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs where each epoch's time went: data, update, evaluation, hooks (emloop's LogProfile). */
public final class LogProfile implements Hook {
  private static final Logger LOG = LoggerFactory.getLogger(LogProfile.class);

  @Override
  public StopDecision afterEpoch(int epoch, EpochProfile profile) {
    LOG.info(describe(epoch, profile));
    return StopDecision.CONTINUE;
  }

  /** One line: {@code epoch 3: data 0.41s, update 12.02s, evaluation 1.30s, hooks 0.01s}. */
  public static String describe(int epoch, EpochProfile profile) {
    return String.format(Locale.ROOT, "epoch %d: data %.2fs, update %.2fs, evaluation %.2fs, hooks %.2fs",
        epoch, profile.data(), profile.update(), profile.evaluation(), profile.hooks());
  }
}
