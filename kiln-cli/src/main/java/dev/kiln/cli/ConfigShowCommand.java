package dev.kiln.cli;

import dev.kiln.config.Config;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln config show}: prints a config, optionally interpolated, as cfg or JSON. */
@Command(name = "show", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Print a config, with overrides applied.")
final class ConfigShowCommand implements Callable<Integer> {
  enum Format { cfg, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file.")
  Path configFile;

  @Option(names = "--interpolate", description = "Fill in $${section.key} references.")
  boolean interpolate;

  @Option(names = "--format", paramLabel = "cfg|json", description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format = Format.cfg;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    arguments.registries(); // a --code plugin that cannot be loaded is an error here as in every other command
    Config config = arguments.read(configFile);
    if (interpolate) {
      config = config.interpolate();
    }
    String text = format == Format.json ? config.toJson() : config.toString();
    spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
