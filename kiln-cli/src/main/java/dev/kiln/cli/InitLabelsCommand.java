package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.DataLabels;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.init.LabelsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln init labels CONFIG OUT_DIR}: spaCy's {@code init labels}. Writes the labels of each
 * component that has labels, collected from the config's training corpus, to
 * {@code OUT_DIR/NAME.json}, which {@code [initialize.components.NAME.labels]} reads with
 * {@code kiln.read_labels.v1}, so that training starts without collecting them.
 */
@Command(name = "labels", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true,
    description = "Write the labels of each component, from the training data, to OUT_DIR/NAME.json.")
final class InitLabelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The training config.")
  Path configFile;

  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The directory to write NAME.json into (made if missing).")
  Path outputDir;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new KilnException(ErrorCode.E414, outputDir);
    }
    TrainingConfig config = TrainingConfig.fill(Config.read(configFile), arguments.overrides(), arguments.registries());
    Map<String, Optional<List<String>>> labels = DataLabels.of(config, arguments.registries());
    createDirectory();
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, Optional<List<String>>> component : labels.entrySet()) {
      String name = component.getKey();
      if (component.getValue().isEmpty()) {
        out.println("No labels for component '" + name + "'");
        continue;
      }
      Path file = outputDir.resolve(name + ".json");
      TextOutput.write(spec, file.toString(), LabelsFile.text(component.getValue().get()));
      out.println("Saved " + component.getValue().get().size() + " labels of component '" + name + "' to " + file);
    }
    out.println("Read them in training with [initialize.components.NAME.labels]: @readers = \"kiln.read_labels.v1\","
        + " path = \"" + outputDir + "/NAME.json\".");
    out.flush();
    return ExitCodes.OK;
  }

  private void createDirectory() {
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E402, outputDir, IoReason.of(e));
    }
  }
}
