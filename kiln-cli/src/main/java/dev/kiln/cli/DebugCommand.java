package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln debug}: checks that explain what kiln sees. */
@Command(name = "debug", mixinStandardHelpOptions = true, description = "Check configs and data.", subcommands = {DebugConfigCommand.class, DebugDataCommand.class})
final class DebugCommand {}
