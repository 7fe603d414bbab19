package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln init}: commands that write configs and what they read (labels). */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create and complete configs, and write labels.",
    subcommands = {InitConfigCommand.class, FillConfigCommand.class, InitLabelsCommand.class})
final class InitCommand {}
