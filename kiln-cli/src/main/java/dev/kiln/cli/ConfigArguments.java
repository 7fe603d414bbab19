package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Suggestions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every config-taking command accepts beside the config: {@code --code} plugins and dotted
 * overrides such as {@code --training.max_epochs 10} or {@code --paths.train=x.jsonl}.
 *
 * <p>Overrides are the command's unmatched arguments ({@link Main} allows them for commands
 * that mix this in), so any config key can be overridden without declaring it.
 */
final class ConfigArguments {
  /** The help footer of commands that take overrides of any config value. */
  static final String OVERRIDES_HELP = "%nOverride any value of the config with --SECTION.KEY VALUE%n"
      + "(or --SECTION.KEY=VALUE), e.g. --training.max_epochs 10 or%n"
      + "--paths.train data/train.jsonl. The key must be in the config or, except%n"
      + "for config show, be a setting left to its default (a reader's limit, a%n"
      + "score weight); null sets a key to null.";
  /** The help footer of commands that read data with the model's own dev-corpus reader. */
  static final String READER_OVERRIDES_HELP = "%nOverride a setting of the model's data reader with%n"
      + "--corpora.dev.KEY VALUE, e.g. --corpora.dev.on_bad_row warn.";

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Mixin PluginOptions plugins = new PluginOptions();

  /** The overrides as dotted key to value; a value is JSON if it parses, else a string. */
  Map<String, Object> overrides() {
    List<String> arguments = command.commandLine().getUnmatchedArguments();
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("--") || argument.length() == 2) {
        throw new KilnException(ErrorCode.E025, argument, argument, "");
      }
      int equals = argument.indexOf('=');
      String key = argument.substring(2, equals >= 0 ? equals : argument.length());
      if (!key.contains(".") || key.startsWith(".") || key.endsWith(".")) {
        // Not an override: most likely a mistyped option of the command (--verbos).
        throw new KilnException(ErrorCode.E025, argument, key, optionSuggestion("--" + key));
      }
      String value;
      if (equals >= 0) {
        value = argument.substring(equals + 1);
      } else if (i + 1 < arguments.size()) {
        value = arguments.get(++i);
      } else {
        throw new KilnException(ErrorCode.E401, argument);
      }
      overrides.put(key, Config.parseValue(value));
    }
    return overrides;
  }

  /** " Did you mean --verbose?" when {@code option} is close to one of the command's options, else "". */
  private String optionSuggestion(String option) {
    List<String> names = command.options().stream().flatMap(o -> Arrays.stream(o.names())).toList();
    String suggestion = Suggestions.didYouMean(option, names);
    return suggestion.isEmpty()
        ? " If you meant an option of the command, it has: " + String.join(", ", names) + "."
        : suggestion;
  }

  /** Reads {@code file} and applies the overrides (not yet interpolated). */
  Config read(Path file) {
    return Config.read(file).withOverrides(overrides());
  }

  Registries registries() {
    return plugins.registries();
  }
}
