package dev.kiln.cli;

import dev.kiln.text.quickstart.QuickstartConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln init config OUT --pipeline textcat,ner}: writes a complete training config for a
 * text pipeline, every setting explicit, as spaCy's quickstart does ({@code -} for OUT prints it).
 */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Write a complete training config for a text pipeline (textcat, textcat_multilabel, tagger, ner,"
        + " sentencizer).")
final class InitConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUT", description = "Where to write the config; - for standard output.")
  String output;

  @Option(names = "--pipeline", required = true, paramLabel = "NAMES",
      description = "The components, comma-separated, e.g. textcat,ner.")
  String pipeline;

  @Option(names = "--optimize", paramLabel = "GOAL", defaultValue = "efficiency",
      description = "efficiency (bag-of-words textcat, narrow tok2vec; default) or accuracy (ensemble textcat, wide tok2vec).")
  String optimize;

  @Option(names = "--lang", paramLabel = "CODE", defaultValue = "en",
      description = "The language code written to [nlp] lang (default en); kiln's tokenizer is the same for every language.")
  String lang;

  @Mixin PluginOptions plugins = new PluginOptions();

  @Override
  public Integer call() {
    QuickstartConfig request = QuickstartConfig.parse(pipeline, optimize, lang);
    TextOutput.checkTarget(output, "OUTPUT", null, null);
    TextOutput.write(spec, output, request.generate(plugins.registries()));
    if (!output.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Saved config to " + output + " (pipeline: " + String.join(", ", request.componentNames()) + ").");
      out.println("Train it with: kiln train " + output + " --output DIR --paths.train TRAIN.jsonl --paths.dev DEV.jsonl");
      out.flush();
    }
    return ExitCodes.OK;
  }
}
