package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.train.TrainingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln init fill-config IN OUT}: writes IN with every default filled in — of every
 * registered function it calls, of its components and of {@code [training]} — so the saved
 * config has no hidden defaults ({@code -} for OUT prints it). References stay as written.
 */
@Command(name = "fill-config", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Write a config with every default filled in.")
final class FillConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "The config to fill.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Where to write it; - for standard output.")
  String output;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    TrainingConfig filled = TrainingConfig.fill(Config.read(input), arguments.overrides(), arguments.registries());
    TextOutput.checkTarget(output, "OUTPUT", null, null);
    TextOutput.write(spec, output, filled.text());
    return ExitCodes.OK;
  }
}
