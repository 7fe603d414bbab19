package dev.kiln.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.config.Template;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln debug config CONFIG}: resolves the config (calling every registered function, so
 * every problem is found), checks a training config (one with [nlp] or [training]) as
 * {@code kiln train} does before reading data ({@link Trainer#check}), and lists the functions
 * it calls and the variables it references.
 */
@Command(name = "config", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Validate a config and show its functions and variables.")
final class DebugConfigCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file.")
  Path configFile;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    Registries registries = arguments.registries();
    Config read = Config.read(configFile);
    Config raw;
    if (read.root().has("nlp") || read.root().has("training")) {
      // As kiln train reads it: filled with defaults, so an override may set a key left to its default.
      TrainingConfig filled = TrainingConfig.fill(read, arguments.overrides(), registries);
      Trainer.check(filled, registries);
      raw = Config.parse(filled.text(), configFile.toString());
    } else {
      raw = read.withOverrides(arguments.overrides());
    }
    Config interpolated = raw.interpolate();
    try {
      Resolver.resolve(interpolated.root(), registries);
    } catch (KilnException e) {
      throw e.inConfig(configFile.toString());
    }

    PrintWriter out = spec.commandLine().getOut();
    out.println("Config is valid: " + configFile);
    out.println();
    out.println("Functions");
    walk(interpolated.root(), new ArrayList<>(), (path, section) -> section.promiseCategory()
        .ifPresent(category -> {
          String name = String.valueOf(section.get("@" + category));
          String where = registries.find(category, name).map(f -> f.describe()).orElse("?");
          out.println("  " + pathText(path) + "  @" + category + " = " + name + "  (" + where + ")");
        }));
    out.println();
    out.println("Variables");
    walk(raw.root(), new ArrayList<>(), (path, section) -> {
      for (Map.Entry<String, Object> entry : section.entries().entrySet()) {
        if (entry.getValue() instanceof Template template) {
          List<String> keyPath = new ArrayList<>(path);
          keyPath.add(entry.getKey());
          out.println("  " + pathText(keyPath) + " = " + template.raw()
              + "  ->  " + valueText(valueAt(interpolated.root(), keyPath)));
        }
      }
    });
    out.flush();
    return ExitCodes.OK;
  }

  private interface SectionVisitor {
    void visit(List<String> path, Section section);
  }

  private static void walk(Section section, List<String> path, SectionVisitor visitor) {
    visitor.visit(path, section);
    for (Map.Entry<String, Object> entry : section.entries().entrySet()) {
      if (entry.getValue() instanceof Section child) {
        path.add(entry.getKey());
        walk(child, path, visitor);
        path.remove(path.size() - 1);
      }
    }
  }

  private static Object valueAt(Section root, List<String> path) {
    return root.section(path.subList(0, path.size() - 1)).orElseThrow().get(path.get(path.size() - 1));
  }

  private static String valueText(Object value) {
    if (value instanceof Section) {
      return "(a section)";
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("config values are JSON values", e);
    }
  }

  private static String pathText(List<String> path) {
    return path.isEmpty() ? "(root)" : String.join(" -> ", path);
  }
}
