package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextCatCnnTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  private static List<Doc> docs(String... texts) {
    List<Doc> docs = new ArrayList<>();
    for (String text : texts) {
      docs.add(TOKENIZER.tokenize(text));
    }
    return docs;
  }

  private static Model<List<Doc>, Floats> model(String architecture) {
    Registries registries = Registries.load();
    registries.addAll(HashedTokenVectors.class);
    Map<String, Object> resolved = Resolver.resolve(Config.parse(architecture, "test.cfg").interpolate().root(), registries);
    @SuppressWarnings("unchecked")
    Model<List<Doc>, Floats> model = (Model<List<Doc>, Floats>) resolved.get("model");
    return model;
  }

  private static final String TOK2VEC = """
      [model.tok2vec]
      @architectures = "test.HashedTokenVectors.v1"
      width = 16
      rows = 500
      """;

  static final String CNN = """
      [model]
      @architectures = "spacy.TextCatCNN.v2"
      exclusive_classes = %s
      """ + TOK2VEC;

  static final String ENSEMBLE = """
      [model]
      @architectures = "spacy.TextCatEnsemble.v2"
      """ + TOK2VEC + """
      [model.linear_model]
      @architectures = "spacy.TextCatBOW.v2"
      exclusive_classes = %s
      ngram_size = 2
      length = %d
      """;

  /** Trains a categorizer for {@code epochs} passes in batches of 16, then scores it on {@code dev}. */
  static Map<String, Object> trainAndScore(TextCategorizer textcat, List<Example<Doc>> train, List<Example<Doc>> dev, int epochs) {
    textcat.initialize(() -> new ArrayList<>(train), 0);
    Adam adam = new Adam(0.01);
    LossTotals losses = new LossTotals();
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int start = 0; start < train.size(); start += 16) {
        textcat.update(train.subList(start, Math.min(train.size(), start + 16)), 0.0, losses);
        textcat.finishUpdate(adam);
      }
    }
    List<Doc> predicted = textcat.annotate(dev.stream().map(Example::predicted).toList());
    List<Example<Doc>> scored = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      scored.add(new Example<>(predicted.get(i), dev.get(i).reference()));
    }
    return textcat.score(scored);
  }

  @Test
  void theCnnsGradientsMatchFiniteDifferences() {
    Model<List<Doc>, Floats> model = model(CNN.formatted("false").replace("rows = 500", "rows = 20").replace("width = 16", "width = 4"));
    List<Doc> docs = docs("a great day", "poor old road here", "x");
    model.initialize(docs, Floats.zeros(3, 2), 3);
    ParamGradientCheck.check(model, docs, 1e-2);
  }

  @Test
  void theEnsemblesGradientsMatchFiniteDifferencesThroughTheLinearModelsActivation() {
    for (String exclusive : List.of("false", "true")) {
      String text = ENSEMBLE.formatted(exclusive, 32).replace("rows = 500", "rows = 20").replace("width = 16", "width = 4");
      Model<List<Doc>, Floats> model = model(text);
      List<Doc> docs = docs("a great day", "poor old road here", "x y");
      model.initialize(docs, Floats.zeros(3, 2), 3);
      if (exclusive.equals("false")) {
        ParamGradientCheck.check(model, docs, 1e-2);
      } else {
        // The softmax output layer takes logit gradients by design; check the wrapped linear model alone.
        Model<List<Doc>, Floats> bow = model(ENSEMBLE.formatted("true", 32)
            .substring(ENSEMBLE.indexOf("[model.linear_model]")).replace("[model.linear_model]", "[model]"));
        Model<List<Doc>, Floats> wrapped = ProbabilityGradient.wrap(bow, true);
        wrapped.initialize(docs, Floats.zeros(3, 3), 5);
        bow.getParam("W").data()[7] = 0.3f;
        ParamGradientCheck.check(wrapped, docs, 1e-2);
      }
    }
  }

  @Test
  void theCnnLearnsExclusiveClassesInTextcat() {
    TextCategorizer textcat = TextcatRegistry.textcat("textcat", model(CNN.formatted("true")), null, 0.0);
    Map<String, Object> scores = trainAndScore(textcat, GeneratedCats.exclusive(400, 1), GeneratedCats.exclusive(200, 2), 10);
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theCnnLearnsIndependentLabelsInTextcatMultilabel() {
    TextCategorizer textcat = TextcatRegistry.textcatMultilabel("textcat_multilabel", model(CNN.formatted("false")), 0.5);
    Map<String, Object> scores = trainAndScore(textcat, GeneratedCats.multilabel(400, 3), GeneratedCats.multilabel(200, 4), 10);
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
    assertThat((double) scores.get("cats_macro_auc")).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theEnsembleLearnsInBothComponents() {
    TextCategorizer exclusive = TextcatRegistry.textcat("textcat", model(ENSEMBLE.formatted("true", 4096)), null, 0.0);
    Map<String, Object> scores = trainAndScore(exclusive, GeneratedCats.exclusive(400, 5), GeneratedCats.exclusive(200, 6), 10);
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
    TextCategorizer multilabel = TextcatRegistry.textcatMultilabel("textcat_multilabel",
        model(ENSEMBLE.formatted("false", 4096)), 0.5);
    scores = trainAndScore(multilabel, GeneratedCats.multilabel(400, 7), GeneratedCats.multilabel(200, 8), 10);
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theEnsembleWantsABagOfNgramsLinearModel() {
    String text = """
        [model]
        @architectures = "spacy.TextCatEnsemble.v2"
        [model.linear_model]
        @architectures = "spacy.TextCatCNN.v2"
        exclusive_classes = true
        """ + TOK2VEC.replace("model.tok2vec", "model.linear_model.tok2vec") + TOK2VEC;
    assertThatThrownBy(() -> model(text)).hasMessageContaining("E333");
  }

  @Test
  void theExclusiveThresholdLeavesLowBestScoresUnpredicted() {
    Doc doc = TOKENIZER.tokenize("a message");
    Example<Doc> unsure = new Example<>(doc.withCats(Map.of("A", 0.4, "B", 0.35, "C", 0.25)), doc.withCats(Map.of("A", 1.0, "B", 0.0, "C", 0.0)));
    assertThat((double) CatsScores.of(List.of(unsure), List.of("A", "B", "C"), true, 0.0, "A").get("cats_score")).isEqualTo(1.0);
    assertThat((double) CatsScores.of(List.of(unsure), List.of("A", "B", "C"), true, 0.5, "A").get("cats_score")).isEqualTo(0.0);
    TextCategorizer textcat = TextcatRegistry.textcat("textcat", model(CNN.formatted("true")), "A", 0.5);
    assertThat((double) textcat.score(List.of(unsure)).get("cats_score")).isZero();
  }
}
