package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.train.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln evaluate MODEL_DIR DATA [--output metrics.json]}: scores a trained pipeline on data. */
@Command(name = "evaluate", footer = ConfigArguments.READER_OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Score a trained pipeline on data.")
final class EvaluateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A model-best or model-last directory.")
  Path model;

  @Parameters(index = "1", paramLabel = "DATA", description = "Data in a format the model's dev corpus reader reads.")
  Path data;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the scores as JSON to FILE.")
  String output;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    if (output != null) {
      TextOutput.checkTarget(output, "--output", model, data);
    }
    Map<String, Object> scores = Evaluation.evaluate(model, data, arguments.registries(), arguments.overrides());
    try {
      String json = JSON.writeValueAsString(scores);
      spec.commandLine().getOut().println(json);
      spec.commandLine().getOut().flush();
      if (output != null) {
        TextOutput.write(spec, output, json + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCodes.OK;
  }
}
