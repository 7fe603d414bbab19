package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.SGD;
import dev.kiln.text.tok2vec.Tok2VecModel;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code [training] dropout} reaches the text components' layers as spaCy's {@code nlp.update}
 * sets it ({@code set_dropout_rate} on each component's model), where spaCy's tok2vec builds
 * its HashEmbed and Maxout layers with dropout 0.0 for it to raise.
 */
class TrainingDropoutTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  private static Pipeline<Doc> pipeline(String factory, String architecture) {
    String config = """
        [nlp]
        pipeline = ["%1$s"]

        [components]

        [components.%1$s]
        factory = "%1$s"

        [components.%1$s.model]
        @architectures = "%2$s"

        [components.%1$s.model.tok2vec]
        @architectures = "spacy.HashEmbedCNN.v2"
        width = 16
        depth = 2
        embed_size = 300
        window_size = 1
        maxout_pieces = 3
        subword_features = true
        pretrained_vectors = null
        """.formatted(factory, architecture);
    return PipelineBuilder.build(Config.parse(config, "config.cfg").interpolate().root(), Registries.load());
  }

  private static List<Example<Doc>> tagged() {
    return List.of(
        TextExample.of(Doc.ofWords(List.of("the", "cat", "runs", "fast")).withTags(List.of("DET", "NOUN", "VERB", "ADV")), TOKENIZER),
        TextExample.of(Doc.ofWords(List.of("a", "dog", "sleeps")).withTags(List.of("DET", "NOUN", "VERB")), TOKENIZER));
  }

  /** The tagger's outputs for the examples after three SGD steps at {@code dropout}. */
  @SuppressWarnings("unchecked")
  private static float[] taggerOutputsAfterTraining(double dropout) {
    ModelTrainable<Doc> tagger = (ModelTrainable<Doc>) pipeline("tagger", "spacy.Tagger.v2").component("tagger");
    tagger.initialize(TrainingDropoutTest::tagged, 0);
    SGD sgd = new SGD(0.5);
    for (int step = 0; step < 3; step++) {
      tagger.update(tagged(), dropout, new LossTotals());
      tagger.finishUpdate(sgd);
    }
    Model<List<Doc>, List<Floats>> model = (Model<List<Doc>, List<Floats>>) tagger.model();
    return model.predict(List.of(tagged().get(0).predicted())).get(0).data();
  }

  @Test
  void theTrainingDropoutChangesWhatATaggerLearns() {
    float[] without = taggerOutputsAfterTraining(0.0);
    assertThat(taggerOutputsAfterTraining(0.0)).as("the same run again").containsExactly(without);
    assertThat(taggerOutputsAfterTraining(0.4)).isNotEqualTo(without);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void spacysTok2VecHasALayerWithARateForEachTableMixAndEncoderBlock(int depth) {
    Model<?, ?> tok2vec = Tok2VecModel.hashEmbedCnn(16, depth, 300, 1, 3, true);
    long withRate = tok2vec.walk().stream().filter(node -> node.attrs().get("dropout_rate") != null).count();
    // spaCy: a HashEmbed(dropout=0.0) per attribute (NORM, PREFIX, SUFFIX, SHAPE), the mixing
    // Maxout(dropout=0.0) and one Maxout(dropout=0.0) per encoder block.
    assertThat(withRate).isEqualTo(4 + 1 + depth);
  }
}
