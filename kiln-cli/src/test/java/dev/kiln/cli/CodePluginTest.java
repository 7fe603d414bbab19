package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --code Plugin.java} registers a schedule that the config then calls, end to end. */
class CodePluginTest {
  @TempDir Path dir;

  @Test
  void aSingleJavaFileRegistersAScheduleTheConfigUses() throws IOException {
    Path plugin = dir.resolve("HalvingSchedule.java");
    Files.writeString(plugin, """
        import dev.kiln.config.Registered;
        import dev.kiln.config.Registries;
        import dev.kiln.config.RegistryProvider;
        import dev.kiln.nn.schedules.Schedule;

        public class HalvingSchedule implements RegistryProvider {
          @Registered(category = "schedules", name = "my.halving.v1")
          public static Schedule halving(double start) {
            return (step, scores) -> start / Math.pow(2, step);
          }

          @Override
          public void register(Registries registries) {
            registries.addAll(HalvingSchedule.class);
          }
        }
        """);
    Path config = dir.resolve("c.cfg");
    Files.writeString(config, """
        [optimizer]
        @optimizers = "SGD.v1"

        [optimizer.learn_rate]
        @schedules = "my.halving.v1"
        start = 0.5
        """);

    KilnRun without = KilnRun.of("debug", "config", config.toString());
    assertThat(without.exit()).isEqualTo(2);
    assertThat(without.err()).contains("\"my.halving.v1\" is not registered in @schedules");

    KilnRun with = KilnRun.of("debug", "config", config.toString(), "--code", plugin.toString());
    assertThat(with.exit()).as(with.err()).isZero();
    assertThat(with.out()).contains("optimizer -> learn_rate  @schedules = my.halving.v1  (HalvingSchedule.halving)");
    assertThat(KilnRun.of("registry", "list", "schedules", "--code", plugin.toString()).out()).contains("my.halving.v1");
  }
}
