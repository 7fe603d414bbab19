package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An override whose value is {@code null} ({@code --components.tagger.neg_prefix null}) sets the
 * key to null as {@code neg_prefix = null} in the config does; it used to crash every command that
 * fills the config (exit 1, a NullPointerException).
 */
class NullOverridesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void writeTaggerConfig() throws IOException {
    config = Files.writeString(dir.resolve("config.cfg"), Files.readString(ROOT.resolve("examples/tagger/config.cfg"))
        .replace("\"examples/", "\"" + ROOT.resolve("examples") + "/"));
  }

  @Test
  void aNullOverrideTrainsAndIsSavedAsNull() throws IOException {
    Path output = dir.resolve("run");
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(), "--training.max_steps", "3",
        "--components.tagger.neg_prefix", "null");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Stopped: max_steps: step 3");
    assertThat(Files.readString(output.resolve("model-last/config.cfg"))).contains("neg_prefix = null")
        .doesNotContain("neg_prefix = \"!\"");
  }

  @Test
  void fillConfigAndDebugConfigTakeANullOverride() throws IOException {
    Path filled = dir.resolve("filled.cfg");
    KilnRun fill = KilnRun.of("init", "fill-config", config.toString(), filled.toString(),
        "--components.tagger.neg_prefix=null");
    assertThat(fill.exit()).as(fill.err()).isZero();
    assertThat(Files.readString(filled)).contains("neg_prefix = null");
    KilnRun debug = KilnRun.of("debug", "config", config.toString(), "--components.tagger.model.nO", "null");
    assertThat(debug.exit()).as(debug.err()).isZero();
    assertThat(debug.out()).startsWith("Config is valid");
  }

  @Test
  void aNullWhereASettingNeedsAValueIsTheCodedErrorOfTheConfigFile() throws IOException {
    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString(),
        "--training.max_steps", "null");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E042]")
        .contains("[E054] training -> max_steps: expected an integer (long), found null").doesNotContain("\tat ");
    Files.writeString(config, Files.readString(config).replace("max_steps = 0", "max_steps = null"));
    KilnRun written = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString());
    assertThat(written.err()).as("the same message as for the value written in the file").isEqualTo(run.err());
  }

  @Test
  void aRunWithANullOverrideResumesWithItAndRefusesAnotherValue() {
    Path output = dir.resolve("run");
    String[] train = {"train", config.toString(), "--output", output.toString(), "--components.tagger.neg_prefix", "null"};
    assertThat(KilnRun.of(with(train, "--training.max_steps", "3")).exit()).isZero();
    KilnRun resumed = KilnRun.of(with(train, "--resume", "--training.max_steps", "6"));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("training.max_steps: 3 -> 6").doesNotContain("neg_prefix")
        .contains("Stopped: max_steps: step 6");

    KilnRun otherPrefix = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "9", "--components.tagger.neg_prefix", "!");
    assertThat(otherPrefix.exit()).isEqualTo(2);
    assertThat(otherPrefix.err()).startsWith("[E225]").contains("components.tagger.neg_prefix: null -> !");
  }

  private static String[] with(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
