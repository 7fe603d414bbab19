package dev.kiln.cli;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kiln} command. Exit status: 0 ok, 1 internal error (with a stack trace), 2 usage,
 * config or data error (one coded message, no trace), 130 interrupted.
 */
@Command(
    name = "kiln",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Train machine-learning models on the JVM from one config file.",
    subcommands = {
      TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ConvertCommand.class, DistillCommand.class, ConfigCommand.class, InitCommand.class,
      DebugCommand.class, RegistryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs kiln with the given arguments and streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(out, err);
    return cli.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    allowOverridesWhereConfigsAreRead(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof KilnException kiln) {
            commandLine.getErr().println(kiln.getMessage());
            return ExitCodes.USER_ERROR;
          }
          exception.printStackTrace(commandLine.getErr());
          return ExitCodes.INTERNAL_ERROR;
        });
    return cli;
  }

  /**
   * A command line picocli cannot parse (an unknown option, a missing argument): one coded
   * message naming the command, with picocli's suggestions, instead of its message and the
   * whole usage.
   */
  private static int usageError(CommandLine.ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    String message = exception.getMessage().replaceAll("[.\\s]+$", "");
    if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
    }
    command.getErr().println(new KilnException(ErrorCode.E400, command.getCommandSpec().qualifiedName(" "), message)
        .getMessage());
    return ExitCodes.USER_ERROR;
  }

  /** Commands that read a config take any {@code --section.key value} as an override. */
  private static void allowOverridesWhereConfigsAreRead(CommandLine command) {
    for (Object mixin : command.getMixins().values()) {
      if (mixin instanceof ConfigArguments) {
        command.setUnmatchedArgumentsAllowed(true);
        command.setUnmatchedOptionsArePositionalParams(false);
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      allowOverridesWhereConfigsAreRead(sub);
    }
  }

  /**
   * {@code kiln} without a command is a usage mistake, as {@code kiln config} without one is:
   * the same coded line, then the usage, whose list of commands says what to run.
   */
  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    cli.getErr().println(new KilnException(ErrorCode.E400, "kiln", "Missing required subcommand").getMessage());
    cli.usage(cli.getErr());
    return ExitCodes.USER_ERROR;
  }
}
