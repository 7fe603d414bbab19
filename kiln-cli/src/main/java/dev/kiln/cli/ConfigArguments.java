package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Plugins;
import dev.kiln.config.Registries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * What every config-taking command accepts beside the config: {@code --code} plugins and dotted
 * overrides such as {@code --training.max_epochs 10} or {@code --paths.train=x.jsonl}.
 */
final class ConfigArguments {
  @Option(
      names = "--code",
      paramLabel = "PATH",
      description = "A plugin to load: a .jar, a folder of classes or a single .java file. Repeatable.")
  List<Path> code = new ArrayList<>();

  @Unmatched List<String> overrideArguments = new ArrayList<>();

  /** The overrides as dotted key to value; a value is JSON if it parses, else a string. */
  Map<String, Object> overrides() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (int i = 0; i < overrideArguments.size(); i++) {
      String argument = overrideArguments.get(i);
      if (!argument.startsWith("--") || argument.length() == 2) {
        throw new KilnException(ErrorCode.E025, argument, argument);
      }
      String key = argument.substring(2);
      String value;
      int equals = key.indexOf('=');
      if (equals >= 0) {
        value = key.substring(equals + 1);
        key = key.substring(0, equals);
      } else if (i + 1 < overrideArguments.size()) {
        value = overrideArguments.get(++i);
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

  /** The registries of the built-ins plus every {@code --code} plugin. */
  Registries registries() {
    ClassLoader loader = Plugins.load(code, ConfigArguments.class.getClassLoader());
    return Registries.load(loader);
  }
}
