package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.train.Pipeline;
import dev.kiln.train.StopReason;
import dev.kiln.train.TrainOptions;
import dev.kiln.train.TrainResult;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.disk.PipelineDirectory;
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
 * {@code kiln distill TEACHER_DIR STUDENT_CONFIG --output DIR}: trains the student pipeline on a
 * trained teacher's outputs, as the student config's {@code [distillation]} section says.
 */
@Command(name = "distill", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Train a student pipeline on a teacher's outputs.")
final class DistillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TEACHER_DIR", description = "A trained pipeline (model-best or model-last).")
  Path teacherDirectory;

  @Parameters(index = "1", paramLabel = "STUDENT_CONFIG", description = "The student's config, with a [distillation] section.")
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
    if (teacherDirectory.toAbsolutePath().normalize().startsWith(output.toAbsolutePath().normalize())) {
      throw new KilnException(ErrorCode.E245, output, teacherDirectory);
    }
    Registries registries = arguments.registries();
    Pipeline<?> teacher = PipelineDirectory.load(teacherDirectory, registries);
    TrainingConfig config = TrainingConfig.fill(Config.read(configFile), arguments.overrides(), registries);
    AtomicBoolean interrupt = new AtomicBoolean();
    Interrupts.onFirstCtrlC(interrupt);
    TrainResult result = Trainer.distill(config, teacher, registries, new TrainOptions(output, resume || resumeForce, resumeForce,
        spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null, interrupt));
    return result.stopReason().kind() == StopReason.Kind.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }
}
