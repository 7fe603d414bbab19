package dev.kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln registry}: what configs can call. */
@Command(name = "registry", mixinStandardHelpOptions = true, description = "Inspect the registries.", subcommands = {RegistryListCommand.class})
final class RegistryCommand {}
