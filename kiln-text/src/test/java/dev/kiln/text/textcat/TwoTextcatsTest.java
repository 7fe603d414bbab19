package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two classifiers of different labels in one pipeline (a sourced spam {@code textcat} beside a
 * new {@code textcat_multilabel}, say): each sets its own labels in the documents' cats and is
 * scored on them alone, as in spaCy.
 */
class TwoTextcatsTest {
  private static final String CONFIG = """
      [nlp]
      pipeline = ["textcat", "topics"]

      [components]

      [components.textcat]
      factory = "textcat"

      [components.textcat.model]
      @architectures = "spacy.TextCatBOW.v2"
      exclusive_classes = true
      length = 4096

      [components.topics]
      factory = "textcat_multilabel"

      [components.topics.model]
      @architectures = "spacy.TextCatBOW.v2"
      exclusive_classes = false
      length = 4096
      """;

  private static Pipeline<Doc> pipeline() {
    Pipeline<Doc> pipeline = PipelineBuilder.build(Config.parse(CONFIG, "config.cfg").interpolate().root(), Registries.load());
    ((TextCategorizer) pipeline.component("textcat")).initialize(() -> GeneratedCats.exclusive(50, 1), 0);
    ((TextCategorizer) pipeline.component("topics")).initialize(() -> GeneratedCats.multilabel(50, 2), 0);
    return pipeline;
  }

  @Test
  void aSecondClassifierKeepsTheCatsTheFirstOneSet() {
    Pipeline<Doc> pipeline = pipeline();
    List<Doc> docs = GeneratedCats.exclusive(5, 3).stream().map(Example::predicted).toList();

    List<Doc> both = pipeline.annotate(docs);
    List<Doc> first = ((TextCategorizer) pipeline.component("textcat")).annotate(docs);

    for (int i = 0; i < docs.size(); i++) {
      assertThat(both.get(i).cats()).containsOnlyKeys("NEG", "POS", "X", "Y");
      assertThat(both.get(i).cats()).containsAllEntriesOf(first.get(i).cats());
    }
  }

  @Test
  void neitherClassifierWarnsThatTheOthersLabelsAreUnknown() {
    Pipeline<Doc> pipeline = pipeline();
    Tokenizer tokenizer = new Tokenizer();
    Doc doc = tokenizer.tokenize("a lovely table");
    assertThat(warningsOf(pipeline, doc.withCats(Map.of("POS", 1.0, "NEG", 0.0, "X", 1.0, "Y", 0.0))))
        .doesNotContain("labels it was not trained on");
  }

  @Test
  void onlyAPositiveUnknownCatIsWarnedAbout() {
    Pipeline<Doc> pipeline = pipeline();
    Doc doc = new Tokenizer().tokenize("a lovely table");
    // NEW at 0.0 says the text is not NEW, which no classifier here predicts either: nothing lost.
    String notNew = warningsOf(pipeline, doc.withCats(Map.of("POS", 1.0, "NEG", 0.0, "X", 1.0, "Y", 0.0, "NEW", 0.0)));
    assertThat(notNew).doesNotContain("labels it was not trained on");

    String isNew = warningsOf(pipeline(), doc.withCats(Map.of("POS", 1.0, "NEG", 0.0, "X", 1.0, "Y", 0.0, "NEW", 1.0)));
    assertThat(isNew).contains("labels it was not trained on and can never predict: NEW (1 example)");
  }

  /** What evaluating one document with {@code reference} logs. */
  private static String warningsOf(Pipeline<Doc> pipeline, Doc reference) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      pipeline.evaluate(List.of(new Example<>(new Tokenizer().tokenize(reference.text()), reference)));
    } finally {
      System.setErr(stderr);
    }
    return logged.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anExclusiveClassifierPicksItsBestClassAmongItsOwnLabels() {
    Doc doc = new Tokenizer().tokenize("cheap pills at http://example.com");
    // The multilabel classifier's LINK outscores SPAM, which is still the spam classifier's best.
    Doc predicted = doc.withCats(Map.of("SPAM", 0.8, "HAM", 0.2, "LINK", 0.9));
    List<Example<Doc>> examples = new ArrayList<>(List.of(
        new Example<>(predicted, doc.withCats(Map.of("SPAM", 1.0, "HAM", 0.0, "LINK", 1.0)))));

    Map<String, Object> scores = CatsScores.of(examples, List.of("HAM", "SPAM"), true, 0.0, "SPAM");

    assertThat(scores.get("cats_score")).isEqualTo(1.0);
  }
}
