package dev.kiln.cli;

import dev.kiln.config.Plugins;
import dev.kiln.config.Registries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --code} option: plugins whose registered functions configs may call. */
final class PluginOptions {
  @Option(
      names = "--code",
      paramLabel = "PATH",
      description = "A plugin to load: a .jar, a folder of classes or a single .java file. Repeatable.")
  List<Path> code = new ArrayList<>();

  /** The registries of the built-ins plus every {@code --code} plugin. */
  Registries registries() {
    ClassLoader loader = Plugins.load(code, PluginOptions.class.getClassLoader());
    return Registries.load(loader);
  }
}
