package dev.kiln.train.hooks;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.train.Hook;

/** The registered hooks ({@code [training.hooks.*.name]}). */
public final class Hooks {
  private Hooks() {}

  @Registered(category = "hooks", name = "kiln.StopAfter.v1")
  public static Hook stopAfter(@Default("0") long steps, @Default("0") int epochs, @Default("0") double seconds) {
    return new StopAfter(steps, epochs, seconds);
  }

  @Registered(category = "hooks", name = "kiln.StopOnNaN.v1")
  public static Hook stopOnNaN(@Default("\"stop\"") StopOnNaN.Policy policy, @Default("3") int max_rollbacks) {
    return new StopOnNaN(policy, max_rollbacks);
  }

  @Registered(category = "hooks", name = "kiln.SaveEvery.v1")
  public static Hook saveEvery(long steps, @Default("3") int keep) {
    return new SaveEvery(steps, keep);
  }

  @Registered(category = "hooks", name = "kiln.LogProfile.v1")
  public static Hook logProfile() {
    return new LogProfile();
  }
}
