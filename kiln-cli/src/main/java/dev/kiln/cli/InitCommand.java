package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln init}: commands that write configs. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create and complete configs.", subcommands = {InitConfigCommand.class, FillConfigCommand.class})
final class InitCommand {}
