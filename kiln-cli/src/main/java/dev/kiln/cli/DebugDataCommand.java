package dev.kiln.cli;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.text.Doc;
import dev.kiln.text.InspectableCorpus;
import dev.kiln.text.debug.DataReport;
import dev.kiln.text.tagger.NegativeTags;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.build.PipelineBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln debug data CONFIG}: reads the config's training and dev corpora and reports on
 * them as spaCy's {@code debug data} does (see {@link DataReport}).
 *
 * <p>Exit status: 0 when the report has only warnings; 2 when it has errors (spaCy exits 1, but
 * in kiln a problem in the data is a user error, like a config error), with a coded message
 * after the report. The config is filled as {@code kiln train} fills it, so the same overrides
 * are taken (a key left to its default, such as a reader's {@code limit}, too); only the corpora
 * are then resolved.
 */
@Command(name = "data", footer = ConfigArguments.OVERRIDES_HELP, mixinStandardHelpOptions = true,
    description = "Report on the training and dev data of a text config: counts, labels and annotation problems.")
final class DebugDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file.")
  Path configFile;

  @Option(names = "--verbose", description = "List every document behind a warning or error.")
  boolean verbose;

  @Mixin ConfigArguments arguments = new ConfigArguments();

  @Override
  public Integer call() {
    Section root = TrainingConfig.fill(Config.read(configFile), arguments.overrides(), arguments.registries()).root();
    Section training = root.section("training").orElseGet(Section::new);
    Map<String, Object> corpora = corpora(root);
    Corpus<Doc> train = corpus(corpora, "train_corpus", training.get("train_corpus"), "corpora.train");
    Corpus<Doc> dev = corpus(corpora, "dev_corpus", training.get("dev_corpus"), "corpora.dev");
    DataReport report = DataReport.of(train, dev, factories(root), negativeTags(root), verbose);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.text());
    out.flush();
    if (report.errors() > 0) {
      throw new KilnException(ErrorCode.E403, report.errors(), report.warnings());
    }
    return ExitCodes.OK;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> corpora(Section root) {
    Section wrapper = new Section();
    wrapper.put("corpora", root.section("corpora").orElseGet(Section::new));
    return (Map<String, Object>) Resolver.resolve(wrapper, arguments.registries()).get("corpora");
  }

  @SuppressWarnings("unchecked")
  private static Corpus<Doc> corpus(Map<String, Object> corpora, String setting, Object configured, String fallback) {
    String dotName = configured instanceof String name ? name : fallback;
    Object corpus = dotName.startsWith("corpora.") ? corpora.get(dotName.substring("corpora.".length())) : null;
    if (corpus == null) {
      throw new KilnException(ErrorCode.E223, setting, dotName);
    }
    requireText((Corpus<?>) corpus, dotName);
    return (Corpus<Doc>) corpus;
  }

  /** Refuses a corpus of images or table rows by its first example, before the report reads it. */
  private static void requireText(Corpus<?> corpus, String dotName) {
    if (corpus instanceof InspectableCorpus) {
      return;
    }
    Iterator<? extends Example<?>> examples = corpus.read().iterator();
    if (examples.hasNext()) {
      Object reference = examples.next().reference();
      if (!(reference instanceof Doc)) {
        throw new KilnException(ErrorCode.E404, dotName, reference.getClass().getSimpleName());
      }
    }
  }

  /**
   * The first tagger's {@code neg_prefix}, read from the config since the components are not
   * built; spaCy's default where it is not set.
   */
  private static NegativeTags negativeTags(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    for (String name : PipelineBuilder.componentNames(root)) {
      Section component = components.section(name).orElseThrow();
      if ("tagger".equals(factory(component))) {
        return component.has("neg_prefix") ? NegativeTags.configured(name, component.get("neg_prefix"))
            : NegativeTags.byDefault();
      }
    }
    return NegativeTags.byDefault();
  }

  /** Each component's factory, as spaCy's bare name ({@code "textcat"}, not {@code "textcat.v1"}). */
  private static List<String> factories(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    List<String> factories = new ArrayList<>();
    for (String name : PipelineBuilder.componentNames(root)) {
      String factory = factory(components.section(name).orElseThrow());
      if (factory != null) {
        factories.add(factory);
      }
    }
    return factories;
  }

  /** The component's factory as spaCy's bare name, or null if it names none. */
  private static String factory(Section component) {
    Object factory = component.has("factory") ? component.get("factory") : component.get("@factories");
    return factory instanceof String text ? text.replaceFirst("\\.v\\d+$", "") : null;
  }
}
