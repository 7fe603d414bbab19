package dev.kiln.text.tok2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.nn.optimizers.OptimizerOptions;
import dev.kiln.nn.optimizers.SGD;
import dev.kiln.text.Doc;
import dev.kiln.text.TextExample;
import dev.kiln.text.Tokenizer;
import dev.kiln.text.tagger.Tagger;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import dev.kiln.train.Pipeline;
import dev.kiln.train.Trainable;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.build.PipelineBuilder;
import dev.kiln.train.disk.PipelineDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tagger that listens to a shared tok2vec component, built from a spaCy-style config. */
class SharedTok2VecTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  @TempDir Path dir;

  static String config(int listenerWidth, String pipeline) {
    return """
        [nlp]
        pipeline = %s

        [components]

        [components.tok2vec]
        factory = "tok2vec"

        [components.tok2vec.model]
        @architectures = "spacy.HashEmbedCNN.v2"
        width = 8
        depth = 1
        embed_size = 100
        window_size = 1
        maxout_pieces = 2
        subword_features = true

        [components.tagger]
        factory = "tagger"

        [components.tagger.model]
        @architectures = "spacy.Tagger.v2"

        [components.tagger.model.tok2vec]
        @architectures = "spacy.Tok2VecListener.v1"
        width = %d
        upstream = "*"
        """.formatted(pipeline, listenerWidth);
  }

  static Pipeline<Doc> build(String text) {
    return PipelineBuilder.build(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
  }

  static List<Example<Doc>> examples() {
    List<Example<Doc>> examples = new ArrayList<>();
    examples.add(TextExample.of(Doc.ofWords(List.of("the", "cat", "runs")).withTags(List.of("DET", "NOUN", "VERB")),
        TOKENIZER));
    examples.add(TextExample.of(Doc.ofWords(List.of("a", "dog", "sleeps", "."))
        .withTags(List.of("DET", "NOUN", "VERB", "PUNCT")), TOKENIZER));
    return examples;
  }

  static void initialize(Pipeline<Doc> pipeline, List<Example<Doc>> examples) {
    for (var component : pipeline.components()) {
      if (component instanceof Trainable<Doc> trainable) {
        trainable.initialize(() -> examples, 3);
      }
    }
  }

  private static Map<String, float[]> weights(Tok2VecComponent tok2vec) {
    Map<String, float[]> copy = new HashMap<>();
    tok2vec.model().paramsByKey().forEach((key, value) -> copy.put(key, value.data().clone()));
    return copy;
  }

  @Test
  void theTaggersGradientReachesTheSharedTok2Vec() {
    Pipeline<Doc> pipeline = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    Tok2VecComponent tok2vec = (Tok2VecComponent) pipeline.component("tok2vec");
    assertThat(tok2vec.listenerCount()).isEqualTo(1);
    List<Example<Doc>> examples = examples();
    initialize(pipeline, examples);
    Map<String, float[]> before = weights(tok2vec);
    LossTotals losses = new LossTotals();
    Adam adam = new Adam(0.01);
    // Two steps: the tagger's output layer starts at zero, so its first input gradient is zero.
    for (int step = 0; step < 2; step++) {
      pipeline.update(examples, 0.0, losses, Set.of(), Set.of());
      pipeline.finishUpdate(adam, Set.of());
    }
    assertThat(losses.get("tagger")).isGreaterThan(0.0);
    assertThat(losses.get("tok2vec")).as("squared norm of the gradient the tagger sent").isGreaterThan(0.0);
    Map<String, float[]> after = weights(tok2vec);
    long changed = before.keySet().stream().filter(key -> !java.util.Arrays.equals(before.get(key), after.get(key)))
        .count();
    assertThat(changed).as("tok2vec parameters updated by the tagger's loss alone").isEqualTo(before.size());
  }

  @Test
  void aTok2VecWhoseOnlyListenerIsFrozenKeepsItsWeightsDespiteWeightDecay() {
    Pipeline<Doc> pipeline = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    Tok2VecComponent tok2vec = (Tok2VecComponent) pipeline.component("tok2vec");
    List<Example<Doc>> examples = examples();
    initialize(pipeline, examples);
    Map<String, float[]> before = weights(tok2vec);
    // spaCy's default optimizer, whose weight decay would shrink every weight handed to it.
    Adam adam = new Adam(0.001, OptimizerOptions.defaults().withAverages(false).withL2(0.01, true));
    Set<String> frozen = Set.of("tagger");
    for (int step = 0; step < 3; step++) {
      pipeline.update(examples, 0.0, new LossTotals(), frozen, Set.of());
      pipeline.finishUpdate(adam, frozen);
    }
    // No gradient reached the tok2vec, so Thinc's optimizer never saw its weights.
    Map<String, float[]> after = weights(tok2vec);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((key, values) -> assertThat(after.get(key)).as(key).containsExactly(values));
  }

  @Test
  void subBatchesAccumulateTheSameGradientAsTheWholeBatch() {
    List<Example<Doc>> examples = examples();
    Pipeline<Doc> whole = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    Pipeline<Doc> split = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    initialize(whole, examples);
    initialize(split, examples);
    for (int step = 0; step < 3; step++) {
      whole.update(examples, 0.0, new LossTotals(), Set.of(), Set.of());
      whole.finishUpdate(new SGD(0.1), Set.of());
      split.update(examples.subList(0, 1), 0.0, new LossTotals(), Set.of(), Set.of());
      split.update(examples.subList(1, 2), 0.0, new LossTotals(), Set.of(), Set.of());
      split.finishUpdate(new SGD(0.1), Set.of());
    }
    Map<String, float[]> expected = weights((Tok2VecComponent) whole.component("tok2vec"));
    Map<String, float[]> actual = weights((Tok2VecComponent) split.component("tok2vec"));
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(actual.get(key)).as(key).containsExactly(expected.get(key), within(1e-5f));
    }
  }

  @Test
  void listenersReadTheVectorsTheTok2VecSetOnTheDocuments() {
    Pipeline<Doc> pipeline = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    initialize(pipeline, examples());
    List<Doc> docs = List.of(TOKENIZER.tokenize("the dog runs"));
    List<Doc> annotated = pipeline.annotate(docs);
    Floats tensor = annotated.get(0).tensor().orElseThrow();
    assertThat(tensor.shape()).containsExactly(3, 8);
    Tagger tagger = (Tagger) pipeline.component("tagger");
    // The same tags whether the tagger reads the tensors or has the tok2vec compute them.
    assertThat(tagger.annotate(docs).get(0).tags()).isEqualTo(annotated.get(0).tags());
  }

  @Test
  void aSavedPipelineWithASharedTok2VecLoadsAndPredictsTheSame() throws Exception {
    String text = config(8, "[\"tok2vec\", \"tagger\"]");
    Pipeline<Doc> pipeline = build(text);
    List<Example<Doc>> examples = examples();
    initialize(pipeline, examples);
    for (int step = 0; step < 5; step++) {
      pipeline.update(examples, 0.0, new LossTotals(), Set.of(), Set.of());
      pipeline.finishUpdate(new Adam(0.01), Set.of());
    }
    PipelineDirectory.writeComponents(dir, pipeline);
    Pipeline<Doc> loaded = build(text);
    PipelineDirectory.readComponents(dir, loaded);
    List<Doc> docs = List.of(TOKENIZER.tokenize("a cat sleeps ."), TOKENIZER.tokenize("the dog"));
    List<Doc> expected = pipeline.annotate(docs);
    List<Doc> actual = loaded.annotate(docs);
    for (int i = 0; i < docs.size(); i++) {
      assertThat(actual.get(i).tags()).isEqualTo(expected.get(i).tags());
      assertThat(actual.get(i).tensor().orElseThrow().data()).containsExactly(expected.get(i).tensor().orElseThrow().data());
    }
    assertThat(((Tagger) loaded.component("tagger")).labels()).containsExactly("DET", "NOUN", "PUNCT", "VERB");
  }

  @Test
  void aListenerReadsTheVectorsOfItsOwnTok2VecNotOfALaterOne() {
    String two = config(8, "[\"ta\", \"tb\", \"tagger\"]")
        .replace("[components.tok2vec]", "[components.ta]").replace("[components.tok2vec.model]", "[components.ta.model]")
        .replace("upstream = \"*\"", "upstream = \"ta\"")
        + "\n[components.tb]\nfactory = \"tok2vec\"\n\n[components.tb.model]\n@architectures = \"spacy.HashEmbedCNN.v2\"\n"
        + "width = 8\ndepth = 1\nembed_size = 100\nwindow_size = 1\nmaxout_pieces = 2\nsubword_features = true\n";
    Pipeline<Doc> pipeline = build(two);
    initialize(pipeline, examples());
    Tok2VecComponent ta = (Tok2VecComponent) pipeline.component("ta");
    Tok2VecComponent tb = (Tok2VecComponent) pipeline.component("tb");
    List<Doc> docs = examples().stream().map(Example::predicted).toList();
    List<Doc> annotated = tb.annotate(ta.annotate(docs));
    assertThat(annotated.get(0).tensorOf("ta")).as("tb annotated last").isEmpty();

    Model<?, ?> node = ((Tagger) pipeline.component("tagger")).model().walk().stream()
        .filter(layer -> layer.name().equals("tok2vec-listener")).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    List<Floats> heard = ((Model<List<Doc>, List<Floats>>) node).predict(annotated);
    List<Floats> own = ta.model().predict(docs);
    for (int i = 0; i < own.size(); i++) {
      assertThat(heard.get(i).data()).isEqualTo(own.get(i).data());
    }
  }

  @Test
  void aListenerWithoutATok2VecBeforeItIsACodedError() {
    assertThatThrownBy(() -> build(config(8, "[\"tagger\", \"tok2vec\"]")))
        .isInstanceOf(KilnException.class).hasMessageContaining("E312").hasMessageContaining("tagger");
  }

  @Test
  void aListenerOfTheWrongWidthIsACodedError() {
    assertThatThrownBy(() -> build(config(16, "[\"tok2vec\", \"tagger\"]")))
        .isInstanceOf(KilnException.class).hasMessageContaining("E323").hasMessageContaining("16");
  }

  /** The shared-tok2vec pipeline as a training config, with {@code training} lines added to [training]. */
  private static TrainingConfig trainingConfig(String training) {
    String text = config(8, "[\"tok2vec\", \"tagger\"]") + """

        [corpora]

        [corpora.train]
        @readers = "kiln.TextJsonl.v1"
        path = "train.jsonl"

        [corpora.dev]
        @readers = "kiln.TextJsonl.v1"
        path = "dev.jsonl"

        [training]
        """ + training + "\n";
    return TrainingConfig.fill(Config.parse(text, "config.cfg"), Registries.load());
  }

  @Test
  void aFrozenTok2VecThatATrainedListenerNeedsIsRefusedBeforeTrainingUnlessItAnnotates() {
    assertThatThrownBy(() -> Trainer.check(trainingConfig("frozen_components = [\"tok2vec\"]"), Registries.load()))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("E247").hasMessageContaining("tagger").hasMessageContaining("annotating_components");
    assertThatCode(() -> Trainer.check(
        trainingConfig("frozen_components = [\"tok2vec\"]\nannotating_components = [\"tok2vec\"]"), Registries.load()))
        .doesNotThrowAnyException();
  }

  @Test
  void aListenerWhoseTok2VecWasNotUpdatedIsACodedError() {
    Pipeline<Doc> pipeline = build(config(8, "[\"tok2vec\", \"tagger\"]"));
    List<Example<Doc>> examples = examples();
    initialize(pipeline, examples);
    assertThatThrownBy(() -> pipeline.update(examples, 0.0, new LossTotals(), Set.of("tok2vec"), Set.of()))
        .isInstanceOf(KilnException.class).hasMessageContaining("E313");
  }
}
