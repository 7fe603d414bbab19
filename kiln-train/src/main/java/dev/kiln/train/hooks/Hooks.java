package dev.kiln.train.hooks;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import dev.kiln.config.Registered;
import dev.kiln.train.Hook;

/** The registered hooks ({@code [training.hooks.*.name]}). */
public final class Hooks {
  private Hooks() {}

  @Registered(category = "hooks", name = "kiln.StopAfter.v1")
  public static Hook stopAfter(@Default("0") long steps, @Default("0") int epochs, @Default("0") double seconds) {
    require("kiln.StopAfter.v1", "steps", steps >= 0, "at least 0 (0: no limit)", steps);
    require("kiln.StopAfter.v1", "epochs", epochs >= 0, "at least 0 (0: no limit)", epochs);
    require("kiln.StopAfter.v1", "seconds", seconds >= 0, "at least 0 (0: no limit)", seconds);
    return new StopAfter(steps, epochs, seconds);
  }

  @Registered(category = "hooks", name = "kiln.StopOnNaN.v1")
  public static Hook stopOnNaN(@Default("\"stop\"") StopOnNaN.Policy policy, @Default("3") int max_rollbacks) {
    return new StopOnNaN(policy, max_rollbacks);
  }

  @Registered(category = "hooks", name = "kiln.SaveEvery.v1")
  public static Hook saveEvery(long steps, @Default("3") int keep) {
    require("kiln.SaveEvery.v1", "steps", steps >= 1, "at least 1", steps);
    require("kiln.SaveEvery.v1", "keep", keep >= 1, "at least 1", keep);
    return new SaveEvery(steps, keep);
  }

  @Registered(category = "hooks", name = "kiln.LogProfile.v1")
  public static Hook logProfile() {
    return new LogProfile();
  }

  private static void require(String hook, String argument, boolean valid, String allowed, Object value) {
    if (!valid) {
      throw new RejectedArgument(argument, ErrorCode.E214, hook, argument, allowed, value);
    }
  }
}
