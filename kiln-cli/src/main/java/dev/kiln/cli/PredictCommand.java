package dev.kiln.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Evaluation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln predict MODEL_DIR INPUT [--output OUT.jsonl]}: annotates data with a trained pipeline, as JSONL. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Annotate data with a trained pipeline, as JSONL.")
final class PredictCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A model-best or model-last directory.")
  Path model;

  @Parameters(index = "1", paramLabel = "INPUT", description = "Data in a format the model's dev corpus reader reads.")
  Path input;

  @Option(names = "--output", paramLabel = "OUT.jsonl", description = "Where to write the predictions (default: standard output).")
  Path output;

  @Mixin PluginOptions plugins = new PluginOptions();

  @Override
  public Integer call() throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      predictInto(out);
      out.flush();
    } else {
      try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        predictInto(out);
      } catch (IOException e) {
        throw new KilnException(ErrorCode.E402, output, e.getMessage());
      }
    }
    return ExitCodes.OK;
  }

  private void predictInto(Writer out) {
    Evaluation.predict(model, input, plugins.registries(), record -> {
      try {
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("records are JSON values", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
