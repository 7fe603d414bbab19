package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln config}: commands that read configs. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Read configs.", subcommands = {ConfigShowCommand.class})
final class ConfigCommand {}
