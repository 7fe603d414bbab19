package dev.kiln.text.tok2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Tok2VecModelTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  static List<Doc> docs(String... texts) {
    return java.util.Arrays.stream(texts).map(TOKENIZER::tokenize).toList();
  }

  @Test
  void hashEmbedCnnGivesOneVectorOfWidthPerToken() {
    Model<List<Doc>, List<Floats>> model = Tok2VecModel.hashEmbedCnn(16, 2, 200, 1, 3, true);
    List<Doc> docs = docs("The cat sat on the mat.", "Hello", "A b c d e f g");
    model.initialize(docs, null, 1);
    List<Floats> out = model.predict(docs);
    assertThat(out).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(out.get(i).shape()).containsExactly(docs.get(i).length(), 16);
    }
    assertThat(model.getDim("nO")).isEqualTo(16);
  }

  @Test
  void aTokenVectorDependsOnlyOnNeighboursWithinTheReceptiveField() {
    Model<List<Doc>, List<Floats>> model = Tok2VecModel.hashEmbedCnn(8, 1, 100, 1, 2, true);
    List<Doc> a = docs("one two three four five");
    List<Doc> b = docs("one two three four six");
    model.initialize(a, null, 3);
    float[] x = model.predict(a).get(0).data();
    float[] y = model.predict(b).get(0).data();
    // With window 1 and depth 1, token 2 ("three") sees tokens 1-3 only; token 3 sees the change.
    assertThat(java.util.Arrays.copyOfRange(x, 0, 24)).containsExactly(java.util.Arrays.copyOfRange(y, 0, 24));
    assertThat(java.util.Arrays.copyOfRange(x, 24, 32)).isNotEqualTo(java.util.Arrays.copyOfRange(y, 24, 32));
  }

  @Test
  void documentsInOneBatchDoNotSeeEachOther() {
    Model<List<Doc>, List<Floats>> model = Tok2VecModel.hashEmbedCnn(8, 2, 100, 1, 2, true);
    List<Doc> alone = docs("red green blue");
    model.initialize(alone, null, 5);
    float[] single = model.predict(alone).get(0).data();
    float[] batched = model.predict(docs("x y z w", "red green blue", "q")).get(1).data();
    assertThat(batched).containsExactly(single);
  }

  @Test
  void emptyDocumentsGetEmptyArrays() {
    Model<List<Doc>, List<Floats>> model = Tok2VecModel.hashEmbedCnn(8, 2, 100, 1, 2, true);
    model.initialize(docs("some text"), null, 1);
    List<Floats> out = model.beginUpdate(docs("", "a b", "")).output();
    assertThat(out.get(0).shape()).containsExactly(0, 8);
    assertThat(out.get(1).shape()).containsExactly(2, 8);
    assertThat(model.predict(docs("")).get(0).shape()).containsExactly(0, 8);
  }

  @Test
  void theEmbeddingAndEncoderGradientsMatchFiniteDifferences() {
    Model<List<Doc>, List<Floats>> model = Tok2VecModel.hashEmbedCnn(4, 2, 20, 1, 2, true);
    List<Doc> docs = docs("The quick brown fox", "jumps over", "it");
    model.initialize(docs, null, 11);
    FiniteDifferences.check(model, docs, 3e-2);
  }

  @Test
  void theRegistryBuildsSpacyTok2VecConfigs() {
    String text = """
        [model]
        @architectures = "spacy.Tok2Vec.v2"

        [model.embed]
        @architectures = "spacy.MultiHashEmbed.v2"
        width = 12
        attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LOWER"]
        rows = [500, 250, 250, 250, 250]
        include_static_vectors = false

        [model.encode]
        @architectures = "spacy.MaxoutWindowEncoder.v2"
        width = 12
        window_size = 1
        maxout_pieces = 3
        depth = 2

        [cnn]
        @architectures = "spacy.HashEmbedCNN.v2"
        width = 10
        depth = 1
        embed_size = 300
        window_size = 1
        maxout_pieces = 3
        subword_features = false
        pretrained_vectors = null
        """;
    Map<String, Object> resolved = Resolver.resolve(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
    @SuppressWarnings("unchecked")
    Model<List<Doc>, List<Floats>> model = (Model<List<Doc>, List<Floats>>) resolved.get("model");
    @SuppressWarnings("unchecked")
    Model<List<Doc>, List<Floats>> cnn = (Model<List<Doc>, List<Floats>>) resolved.get("cnn");
    List<Doc> docs = docs("Some words here.");
    model.initialize(docs, null, 0);
    cnn.initialize(docs, null, 0);
    assertThat(model.predict(docs).get(0).shape()).containsExactly(4, 12);
    assertThat(cnn.predict(docs).get(0).shape()).containsExactly(4, 10);
  }

  @Test
  void unknownAttributesAndMismatchedRowsAreCodedErrors() {
    assertThatThrownBy(() -> MultiHashEmbed.create(8, List.of("NORM", "LEMMA"), List.of(10, 10), false))
        .isInstanceOf(KilnException.class).hasMessageContaining("E309").hasMessageContaining("LEMMA");
    assertThatThrownBy(() -> MultiHashEmbed.create(8, List.of("NORM"), List.of(10, 10), false))
        .isInstanceOf(KilnException.class).hasMessageContaining("E310");
    assertThatThrownBy(() -> MultiHashEmbed.create(8, List.of("NORM"), List.of(10), true))
        .isInstanceOf(KilnException.class).hasMessageContaining("E311");
  }

  @Test
  void aNegativeWindowOrDepthIsRefusedNamingIt() {
    assertThatThrownBy(() -> MaxoutWindowEncoder.create(8, -1, 3, 1))
        .hasMessage("[E106] layer maxout_window_encoder: window_size must be at least 0, got -1.");
    assertThatThrownBy(() -> MaxoutWindowEncoder.create(8, 1, 3, -2))
        .hasMessage("[E106] layer maxout_window_encoder: depth must be at least 0, got -2.");
    assertThat(MaxoutWindowEncoder.create(8, 0, 3, 0)).isNotNull();
  }
}
