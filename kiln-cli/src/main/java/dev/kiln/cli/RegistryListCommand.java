package dev.kiln.cli;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln registry list [CATEGORY]}: the registered names, by category. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List registered functions, for one category or all.")
final class RegistryListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CATEGORY", description = "e.g. layers, schedules.")
  String category;

  @Mixin PluginOptions plugins = new PluginOptions();

  @Override
  public Integer call() {
    Registries registries = plugins.registries();
    List<String> categories = List.copyOf(registries.categories());
    if (category != null) {
      String wanted = category.startsWith("@") ? category.substring(1) : category;
      if (!categories.contains(wanted)) {
        throw new KilnException(ErrorCode.E040, category, String.join(", ", categories));
      }
      categories = List.of(wanted);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String each : categories) {
      out.println("@" + each + " (" + registries.names(each).size() + ")");
      for (String name : registries.names(each)) {
        out.println("  " + name + "  " + registries.find(each, name).orElseThrow().describe());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
