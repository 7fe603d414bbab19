package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import java.nio.file.Path;
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
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Mixin PluginOptions plugins = new PluginOptions();

  /** The overrides as dotted key to value; a value is JSON if it parses, else a string. */
  Map<String, Object> overrides() {
    List<String> arguments = command.commandLine().getUnmatchedArguments();
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("--") || argument.length() == 2) {
        throw new KilnException(ErrorCode.E025, argument, argument);
      }
      String key = argument.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals >= 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < arguments.size()) {
        value = arguments.get(++i);
      } else {
        throw new KilnException(ErrorCode.E401, argument);
      }
      if (!key.contains(".") || key.startsWith(".") || key.endsWith(".")) {
        throw new KilnException(ErrorCode.E025, argument, key);
      }
      overrides.put(key, Config.parseValue(value));
    }
    return overrides;
  }

  /** Reads {@code file} and applies the overrides (not yet interpolated). */
  Config read(Path file) {
    return Config.read(file).withOverrides(overrides());
  }

  Registries registries() {
    return plugins.registries();
  }
}
