package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.train.StopReason;
import dev.kiln.train.TrainOptions;
import dev.kiln.train.TrainResult;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln train CONFIG --output DIR}: trains until the dev score stops improving, writing
 * {@code DIR/model-best} and {@code DIR/model-last}. The first Ctrl-C finishes the batch, saves
 * and exits 130; a second exits at once (saved directories stay complete either way).
 */
@Command(name = "train", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Train a pipeline from a config.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The training config.")
  Path configFile;

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "DIR", description = "Where to write model-best/ and model-last/.")
  Path output;

  @Option(names = "--resume", description = "Continue exactly from DIR/model-last.")
  boolean resume;

  @Option(names = "--resume-force", description = "Resume even if the data or the config changed beyond what --resume takes (limits such as max_steps, the logger).")
  boolean resumeForce;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    Registries registries = arguments.registries();
    TrainingConfig config = TrainingConfig.fill(Config.read(configFile), arguments.overrides(), registries);
    AtomicBoolean interrupt = new AtomicBoolean();
    Interrupts.onFirstCtrlC(interrupt);
    TrainResult result = Trainer.train(config, registries, new TrainOptions(output, resume || resumeForce,
        resumeForce, spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null, interrupt));
    return result.stopReason().kind() == StopReason.Kind.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }
}
