package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.Filler;
import dev.kiln.config.Section;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln init fill-config IN OUT}: writes IN with every default of every registered
 * function filled in, so the saved config has no hidden defaults ({@code -} for OUT prints it).
 */
@Command(name = "fill-config", mixinStandardHelpOptions = true, description = "Write a config with every default filled in.")
final class FillConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "The config to fill.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Where to write it; - for standard output.")
  String output;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    Config config = arguments.read(input);
    Section filled = Filler.fill(config.interpolate().root(), arguments.registries());
    Config result = config.withDefaultsFrom(filled);
    TextOutput.write(spec, output, result.toString());
    return ExitCodes.OK;
  }
}
