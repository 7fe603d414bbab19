package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text classifiers' loss is spaCy's {@code TextCategorizer.get_loss}: the gradient of each
 * score is {@code score - truth}, not divided by the batch size (spaCy's default
 * {@code grad_clip = 1.0} clips that gradient, so its scale changes training), and the loss
 * reported is the mean squared error over every score of the batch.
 */
class TextcatLossTest {
  @Test
  void theGradientIsTheErrorAndTheLossItsMeanSquare() {
    TextCategorizer textcat = BowTextcats.of("textcat", true);
    List<Example<Doc>> corpus = GeneratedCats.exclusive(40, 3);
    textcat.initialize(() -> corpus, 0);
    // A few steps first, so that the scores are not all 0.5.
    Adam adam = new Adam(0.01);
    for (int i = 0; i < 5; i++) {
      textcat.update(corpus.subList(0, 8), 0.0, new LossTotals());
      textcat.model().finishUpdate(adam);
    }
    List<Example<Doc>> batch = corpus.subList(8, 14);
    List<Doc> docs = new ArrayList<>();
    batch.forEach(example -> docs.add(example.predicted()));
    float[] scores = textcat.model().predict(docs).data();
    List<String> labels = textcat.labels();
    double[] expectedBiasGradient = new double[labels.size()];
    double squares = 0;
    for (int row = 0; row < batch.size(); row++) {
      for (int o = 0; o < labels.size(); o++) {
        double error = scores[row * labels.size() + o] - batch.get(row).reference().cats().get(labels.get(o));
        expectedBiasGradient[o] += error;
        squares += error * error;
      }
    }
    Model<?, ?> bow = biasHolder(textcat.model());
    Arrays.fill(bow.grad("b").data(), 0f);
    LossTotals losses = new LossTotals();

    textcat.update(batch, 0.0, losses);

    float[] biasGradient = bow.grad("b").data();
    for (int o = 0; o < labels.size(); o++) {
      assertThat((double) biasGradient[o]).as("bias gradient of %s", labels.get(o))
          .isCloseTo(expectedBiasGradient[o], within(1e-5));
    }
    assertThat(losses.get("textcat")).isCloseTo(squares / (batch.size() * labels.size()), within(1e-9));
  }

  @Test
  void anUnknownScoreCountsAsZeroInTheMean() {
    TextCategorizer multilabel = BowTextcats.of("textcat_multilabel", false);
    multilabel.initialize(() -> GeneratedCats.multilabel(40, 1), 0);
    Doc doc = new Tokenizer().tokenize("the river road");
    // The weights start at zero: each sigmoid score is 0.5. Y is unknown for this document.
    Example<Doc> onlyX = new Example<>(doc, doc.withCats(Map.of("X", 1.0)));
    LossTotals losses = new LossTotals();

    multilabel.update(List.of(onlyX), 0.0, losses);

    assertThat(losses.get("textcat_multilabel")).isCloseTo(0.25 / 2, within(1e-9));
  }

  private static Model<?, ?> biasHolder(Model<List<Doc>, Floats> model) {
    for (Model<?, ?> node : model.walk()) {
      if (node.paramNames().contains("b") && node.hasParam("b")) {
        return node;
      }
    }
    throw new AssertionError("no bias in " + model.name());
  }
}
