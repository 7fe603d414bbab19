package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Doc;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import dev.kiln.train.Pipeline;
import dev.kiln.train.Trainable;
import dev.kiln.train.build.PipelineBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CNN and ensemble classifiers learn through a shared tok2vec they listen to. */
class TextcatListenerTest {
  private static String config(String factory, String model) {
    return """
        [nlp]
        pipeline = ["tok2vec", "%1$s"]

        [components]

        [components.tok2vec]
        factory = "tok2vec"

        [components.tok2vec.model]
        @architectures = "spacy.HashEmbedCNN.v2"
        width = 16
        depth = 1
        embed_size = 500
        window_size = 1
        maxout_pieces = 2
        subword_features = true

        [components.%1$s]
        factory = "%1$s"

        %2$s

        [components.%1$s.model.tok2vec]
        @architectures = "spacy.Tok2VecListener.v1"
        width = 16
        upstream = "*"
        """.formatted(factory, model.replace("NAME", factory));
  }

  private static Map<String, Object> trainAndScore(String text, List<Example<Doc>> train, List<Example<Doc>> dev, String component) {
    Pipeline<Doc> pipeline = PipelineBuilder.build(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
    for (var each : pipeline.components()) {
      if (each instanceof Trainable<Doc> trainable) {
        trainable.initialize(() -> new ArrayList<>(train), 0);
      }
    }
    Adam adam = new Adam(0.01);
    LossTotals losses = new LossTotals();
    for (int epoch = 0; epoch < 8; epoch++) {
      for (int start = 0; start < train.size(); start += 16) {
        pipeline.update(train.subList(start, Math.min(train.size(), start + 16)), 0.0, losses, Set.of(), Set.of());
        pipeline.finishUpdate(adam, Set.of());
      }
    }
    assertThat(losses.get("tok2vec")).as("gradient the classifier sent to the tok2vec").isGreaterThan(0.0);
    List<Doc> predicted = pipeline.annotate(dev.stream().map(Example::predicted).toList());
    List<Example<Doc>> scored = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      scored.add(new Example<>(predicted.get(i), dev.get(i).reference()));
    }
    return ((TextCategorizer) pipeline.component(component)).score(scored);
  }

  @Test
  void theCnnLearnsThroughAListenerInTextcat() {
    String text = config("textcat", """
        [components.NAME.model]
        @architectures = "spacy.TextCatCNN.v2"
        exclusive_classes = true
        """);
    Map<String, Object> scores = trainAndScore(text, GeneratedCats.exclusive(400, 11), GeneratedCats.exclusive(200, 12), "textcat");
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theEnsembleLearnsThroughAListenerInTextcatMultilabel() {
    String text = config("textcat_multilabel", """
        [components.NAME.model]
        @architectures = "spacy.TextCatEnsemble.v2"

        [components.NAME.model.linear_model]
        @architectures = "spacy.TextCatBOW.v2"
        exclusive_classes = false
        ngram_size = 1
        length = 4096
        """);
    Map<String, Object> scores = trainAndScore(text, GeneratedCats.multilabel(400, 13), GeneratedCats.multilabel(200, 14),
        "textcat_multilabel");
    assertThat((double) scores.get("cats_macro_f")).isGreaterThanOrEqualTo(0.9);
  }
}
