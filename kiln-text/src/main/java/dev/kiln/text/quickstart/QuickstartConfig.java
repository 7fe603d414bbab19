package dev.kiln.text.quickstart;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Section;
import dev.kiln.train.ScoreWeights;
import dev.kiln.train.TrainingConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code kiln init config}: a complete training config for a text pipeline, as spaCy's
 * quickstart writes one. It is assembled from one template per component (resources next to
 * this class), plus a shared {@code tok2vec} when a component listens to one,
 * {@code [training.score_weights]} normalised from the components' defaults, and spaCy's
 * {@code [initialize]} with nothing set, where a user gives components their labels.
 *
 * <p>The templates spell out every argument. Components whose functions are all registered are
 * then filled as {@code kiln init fill-config} fills, so an argument a template misses is still
 * written; components using a function that is not registered are written as their template has
 * them, so the generator never needs them to be registered.
 *
 * @param pipes the components, in pipeline order, each at most once
 * @param optimize what the config favours
 * @param lang the language code written to {@code [nlp] lang}
 */
public record QuickstartConfig(List<Pipe> pipes, Optimize optimize, String lang) {
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");
  private static final String TOK2VEC = "tok2vec";

  /**
   * Checks the request.
   *
   * @throws KilnException E340 if no pipe or a pipe twice is given, E343 for a pipeline with
   *     nothing to train (a sentencizer alone), E342 for a language code that is not two or
   *     three lower-case letters
   */
  public QuickstartConfig {
    pipes = List.copyOf(pipes);
    if (pipes.isEmpty() || new HashSet<>(pipes).size() != pipes.size()) {
      throw new KilnException(ErrorCode.E340, pipes.stream().map(Pipe::componentName).toList());
    }
    if (pipes.stream().allMatch(pipe -> pipe == Pipe.SENTENCIZER)) {
      throw new KilnException(ErrorCode.E343);
    }
    if (!LANG.matcher(lang).matches()) {
      throw new KilnException(ErrorCode.E342, lang);
    }
  }

  /**
   * The request a command line makes: a comma-separated pipeline such as {@code textcat,ner}.
   *
   * @throws KilnException E339 for an unknown pipe, E340, E341 or E342 for other bad values
   */
  public static QuickstartConfig parse(String pipeline, String optimize, String lang) {
    List<Pipe> pipes = new ArrayList<>();
    for (String name : pipeline.split(",", -1)) {
      if (!name.isBlank()) {
        pipes.add(Pipe.parse(name.strip()));
      }
    }
    return new QuickstartConfig(pipes, Optimize.parse(optimize), lang);
  }

  /** The config text: a comment saying how it was made, then every section with every argument. */
  public String generate(Registries registries) {
    Config full = Config.parse(assemble(pipes), "generated config");
    List<Pipe> fillable = registeredPipes(full, registries);
    Section filled = TrainingConfig.fill(Config.parse(assemble(fillable), "generated config"), registries).root();
    return header() + full.withDefaultsFrom(filled);
  }

  /** The components in pipeline order, with {@code tok2vec} first when a component listens to it. */
  public List<String> componentNames() {
    return componentNames(pipes);
  }

  private List<String> componentNames(List<Pipe> selected) {
    List<String> names = new ArrayList<>();
    if (selected.stream().anyMatch(pipe -> pipe.listens(optimize))) {
      names.add(TOK2VEC);
    }
    selected.forEach(pipe -> names.add(pipe.componentName()));
    return names;
  }

  private String assemble(List<Pipe> selected) {
    List<String> parts = new ArrayList<>();
    String pipeline = componentNames(selected).stream().map(name -> "\"" + name + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
    parts.add(ConfigTemplate.render("base.cfg", Map.of("lang", lang, "pipeline", pipeline)));
    if (componentNames(selected).contains(TOK2VEC)) {
      parts.add(ConfigTemplate.render("tok2vec.cfg", Map.of("width", String.valueOf(optimize.width()),
          "depth", String.valueOf(optimize.depth()), "embed_size", String.valueOf(optimize.embedSize()))));
    }
    selected.forEach(pipe -> parts.add(ConfigTemplate.render(pipe.template(optimize), Map.of())));
    parts.add(ConfigTemplate.render("training.cfg", Map.of("score_weights", scoreWeightLines())));
    parts.add(ConfigTemplate.render("initialize.cfg", Map.of()));
    return String.join("\n", parts);
  }

  private String scoreWeightLines() {
    Map<String, Double> weights = ScoreWeights.combine(pipes.stream().map(Pipe::defaultScoreWeights).toList(), Map.of());
    return weights.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
  }

  /** The pipes whose sections call only registered functions (and whose tok2vec, if any, does too). */
  List<Pipe> registeredPipes(Registries registries) {
    return registeredPipes(Config.parse(assemble(pipes), "generated config"), registries);
  }

  private List<Pipe> registeredPipes(Config full, Registries registries) {
    Section components = full.root().section("components").orElseThrow();
    boolean tok2vecFillable = components.section(TOK2VEC).map(s -> registered(s, true, registries)).orElse(false);
    List<Pipe> fillable = new ArrayList<>();
    for (Pipe pipe : pipes) {
      Section section = components.section(pipe.componentName()).orElseThrow();
      if (registered(section, true, registries) && (!pipe.listens(optimize) || tok2vecFillable)) {
        fillable.add(pipe);
      }
    }
    return fillable;
  }

  private static boolean registered(Section section, boolean isComponent, Registries registries) {
    if (isComponent && registries.find("factories", section.get("factory") + ".v1").isEmpty()) {
      return false;
    }
    boolean known = section.promiseCategory()
        .map(category -> registries.find(category, String.valueOf(section.get("@" + category))).isPresent())
        .orElse(true);
    for (Object value : section.entries().values()) {
      if (value instanceof Section child) {
        known &= registered(child, false, registries);
      }
    }
    return known;
  }

  private String header() {
    String pipeline = pipes.stream().map(Pipe::componentName).collect(Collectors.joining(","));
    return "# Made by: kiln init config CONFIG --pipeline " + pipeline + " --optimize " + optimize.configName()
        + " --lang " + lang + "\n# Every setting is written out. Give the data with --paths.train FILE --paths.dev FILE.\n";
  }
}
