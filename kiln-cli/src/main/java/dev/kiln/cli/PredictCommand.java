package dev.kiln.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln predict MODEL_DIR INPUT [--output OUT.jsonl]}: annotates data with a trained pipeline, as JSONL. */
@Command(name = "predict", footer = ConfigArguments.READER_OVERRIDES_HELP, mixinStandardHelpOptions = true, description = "Annotate data with a trained pipeline, as JSONL.")
final class PredictCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A model-best or model-last directory.")
  Path model;

  @Parameters(index = "1", paramLabel = "INPUT", description = "Data in a format the model's dev corpus reader reads.")
  Path input;

  @Option(names = "--output", paramLabel = "OUT.jsonl",
      description = "Where to write the predictions (default: standard output, also -).")
  String output = "-";

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    TextOutput.checkTarget(output, "--output", model, input);
    TextOutput.stream(spec, output, this::predictInto);
    return ExitCodes.OK;
  }

  /** Writes each prediction as a line; a failed write is rethrown as itself for the output's E402. */
  private void predictInto(Writer out) throws IOException {
    try {
      Evaluation.predict(model, input, arguments.registries(), arguments.overrides(), record -> {
        try {
          out.write(JSON.writeValueAsString(record));
          out.write('\n');
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("records are JSON values", e);
        } catch (IOException e) {
          throw new WriteFailed(e);
        }
      });
    } catch (WriteFailed e) {
      throw e.getCause();
    }
  }

  /** Carries a failed write out of the prediction callback, which may not throw checked exceptions. */
  private static final class WriteFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteFailed(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
