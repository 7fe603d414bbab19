package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A command line that cannot be parsed exits 2 with one coded line naming the command, not
 * picocli's message followed by the whole usage; a mistyped option of a config-reading command
 * is not taken for an override missing its value.
 */
class CommandLineMistakesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "convert a b --bogus | [E400] kiln convert: Unknown option: '--bogus'. Run kiln convert --help",
      "evaluate m d --bogus | [E025] override --bogus: expected a dotted path",
      "evaluate | [E400] kiln evaluate: Missing required parameters: 'MODEL_DIR', 'DATA'. Run kiln evaluate --help",
      "init config - | [E400] kiln init config: Missing required option: '--pipeline=NAMES'",
      "evalute x | [E400] kiln: Unmatched arguments from index 0: 'evalute', 'x' (did you mean evaluate?)",
      "debug data ../examples/spam/config.cfg --verbos | [E025] override --verbos: expected a dotted path \"section.key\", found \"verbos\". Write it as --section.key value. Did you mean \"--verbose\"",
  })
  void aMistakeIsOneCodedLine(String arguments, String message) {
    KilnRun run = KilnRun.of(arguments.split(" "));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith(message);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"config | kiln config", "debug | kiln debug", "init | kiln init", "registry | kiln registry"})
  void aCommandGroupWithoutItsCommandIsAMistake(String group, String name) {
    KilnRun run = KilnRun.of(group);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("[E400] " + name + ": Missing required subcommand. Run " + name
        + " --help for its options and arguments." + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void kilnWithoutACommandIsAMistakeThatListsTheCommands() {
    KilnRun run = KilnRun.of();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("[E400] kiln: Missing required subcommand. Run kiln --help for its options and arguments."
        + System.lineSeparator() + "Usage: kiln [-hV] [COMMAND]").contains("Commands:", "  train ");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"--help | Usage: kiln [-hV] [COMMAND]", "-h | Usage: kiln", "help | Usage: kiln",
      "--version | kiln ", "-V | kiln "})
  void askingForHelpOrTheVersionIsNoMistake(String option, String text) {
    KilnRun run = KilnRun.of(option);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith(text);
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "train | Override any value of the config with --SECTION.KEY VALUE",
      "init fill-config | Override any value of the config with --SECTION.KEY VALUE",
      "predict | Override a setting of the model's data reader with",
      "convert | Convert a CoNLL-U",
  })
  void theHelpOfACommandSaysWhichOverridesItTakes(String command, String text) {
    KilnRun run = KilnRun.of((command + " --help").split(" "));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(text);
    assertThat(run.out().contains("Override")).as("convert reads no config").isEqualTo(!command.equals("convert"));
  }
}
