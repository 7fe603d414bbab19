package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.text.ConllConversion;
import dev.kiln.text.ConllFormat;
import dev.kiln.text.ConllTagField;
import dev.kiln.text.Doc;
import dev.kiln.text.IobScheme;
import dev.kiln.train.Pipes;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln convert INPUT OUTPUT [--converter conllu|conll2003|auto] [--iob iob1|iob2]
 * [--tags upos|xpos]}: a
 * CoNLL-U or CoNLL-2003 file as kiln's text JSONL, one sentence per line, which
 * {@code kiln.TextJsonl.v1} reads ({@code -} for OUTPUT prints it).
 */
@Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert a CoNLL-U or CoNLL-2003 file to kiln's text JSONL.")
final class ConvertCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CONVERTERS = List.of("conllu", "conll2003", "auto");
  private static final List<String> SCHEMES = List.of("iob1", "iob2");
  private static final List<String> TAG_FIELDS = List.of("upos", "xpos");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "A CoNLL-U or CoNLL-2003 file.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "The JSONL file to write; - for standard output.")
  String output;

  @Option(names = "--converter", paramLabel = "NAME", defaultValue = "auto",
      description = "conllu, conll2003, or auto (by the .conllu extension or the first token line; default).")
  String converter;

  @Option(names = "--iob", paramLabel = "SCHEME", defaultValue = "iob1",
      description = "The IOB scheme of CoNLL-2003 entity tags: iob1 (the original files; default) or iob2.")
  String iob;

  @Option(names = "--tags", paramLabel = "FIELD", defaultValue = "upos",
      description = "The CoNLL-U column written as tags: upos (universal; default) or xpos "
          + "(language-specific, what spaCy's tagger learns from converted treebanks; a word without "
          + "XPOS gets its UPOS, as in spaCy's converter, with warning W305).")
  String tags;

  @Override
  public Integer call() {
    ConllFormat format = format();
    IobScheme scheme = IobScheme.valueOf(choice("--iob", iob, SCHEMES).toUpperCase(Locale.ROOT));
    ConllTagField tagField = ConllTagField.valueOf(choice("--tags", tags, TAG_FIELDS)
        .toUpperCase(Locale.ROOT));
    TextOutput.checkTarget(output, "OUTPUT", null, input);
    int[] count = {0};
    TextOutput.stream(spec, output, out -> {
      for (Doc doc : ConllConversion.read(input, format, scheme, tagField)) {
        out.write(JSON.writeValueAsString(ConllConversion.record(doc)));
        out.write('\n');
        count[0]++;
      }
      if (count[0] == 0) {
        throw new KilnException(ErrorCode.E412, input, format.name().toLowerCase(Locale.ROOT));
      }
    });
    if (!output.equals("-")) {
      spec.commandLine().getOut().printf("Converted %d sentences of %s (%s) to %s%n", count[0],
          input, format.name().toLowerCase(Locale.ROOT), output);
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  private ConllFormat format() {
    String name = choice("--converter", converter, CONVERTERS);
    if (input.getFileName() != null && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".spacy")) {
      throw new KilnException(ErrorCode.E415, input);
    }
    if (name.equals("auto")) {
      // A pipe (a shell's <(...)) read once to detect the format was then empty: E412, "no sentence".
      if (Pipes.isPipe(input) && !input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".conllu")) {
        throw new KilnException(ErrorCode.E413, input);
      }
      return ConllFormat.detect(input).orElseThrow(() -> new KilnException(ErrorCode.E410, input));
    }
    return name.equals("conllu") ? ConllFormat.CONLLU : ConllFormat.CONLL2003;
  }

  private static String choice(String option, String value, List<String> allowed) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw new KilnException(ErrorCode.E411, option, value, String.join(", ", allowed));
    }
    return lower;
  }
}
