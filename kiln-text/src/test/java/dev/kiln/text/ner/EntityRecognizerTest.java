package dev.kiln.text.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Biluo;
import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.text.Tokenizer;
import dev.kiln.text.tok2vec.Tok2VecRegistry;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityRecognizerTest {
  private static final List<String> FIRST = List.of("Anna", "Boris", "Chen", "Dora", "Emil", "Fatima");
  private static final List<String> LAST = List.of("Lee", "Novak", "Okafor", "Berg");
  private static final List<String> CITIES = List.of("Paris", "Lima", "Oslo", "Cairo");
  private static final Tokenizer TOKENIZER = new Tokenizer();

  @TempDir Path dir;

  /** "FIRST LAST flew to CITY today": a two-token person and a one-token city. */
  private static List<Example<Doc>> corpus(int n, long seed) {
    Random random = new Random(seed);
    List<Example<Doc>> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String first = FIRST.get(random.nextInt(FIRST.size()));
      String last = LAST.get(random.nextInt(LAST.size()));
      String city = CITIES.get(random.nextInt(CITIES.size()));
      Doc doc = Doc.ofWords(List.of(first, last, "flew", "to", city, "today"))
          .withEntityTags(List.of("B-PER", "L-PER", "O", "O", "U-LOC", "O"));
      examples.add(new Example<>(Doc.ofWords(List.of(first, last, "flew", "to", city, "today")), doc));
    }
    return examples;
  }

  /** An untrained ner over spaCy's CNN tok2vec of the given width. */
  private static EntityRecognizer fresh(int width) {
    var tok2vec = Tok2VecRegistry.hashEmbedCnn(width, 1, 1000, 1, 3, true, null);
    return NerRegistry.ner("ner", NerRegistry.biluoTagger(tok2vec, null));
  }

  private static EntityRecognizer trained(List<Example<Doc>> train) {
    EntityRecognizer ner = fresh(16);
    ner.initialize(() -> train, 7);
    Adam adam = new Adam(0.01);
    for (int epoch = 0; epoch < 15; epoch++) {
      for (int start = 0; start < train.size(); start += 8) {
        ner.update(train.subList(start, Math.min(train.size(), start + 8)), 0.0, new LossTotals());
        ner.finishUpdate(adam);
      }
    }
    return ner;
  }

  private static List<Example<Doc>> predicted(EntityRecognizer ner, List<Example<Doc>> examples) {
    List<Doc> docs = ner.annotate(examples.stream().map(Example::predicted).toList());
    List<Example<Doc>> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      out.add(new Example<>(docs.get(i), examples.get(i).reference()));
    }
    return out;
  }

  @Test
  void learnsMultiTokenEntitiesAndScoresThem() {
    EntityRecognizer ner = trained(corpus(80, 1));
    assertThat(ner.labels()).containsExactly("LOC", "PER");
    assertThat(ner.tags()).containsExactly("O", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-PER", "I-PER", "L-PER", "U-PER");
    Map<String, Object> scores = ner.score(predicted(ner, corpus(40, 2)));
    assertThat((double) scores.get("ents_f")).isEqualTo(1.0);
    List<Span> entities = ner.entities(Doc.ofWords(List.of("Dora", "Berg", "flew", "to", "Oslo", "today")));
    assertThat(entities).extracting(Span::text, Span::label).map(t -> t.toList())
        .containsExactly(List.of("Dora Berg", "PER"), List.of("Oslo", "LOC"));
  }

  @Test
  void savedAndLoadedPredictsTheSame(@TempDir Path folder) throws Exception {
    List<Example<Doc>> train = corpus(40, 3);
    EntityRecognizer ner = trained(train);
    ner.save(folder);
    EntityRecognizer loaded = fresh(16);
    // Loading needs allocated weights of the right shapes, as a pipeline's initialize gives.
    loaded.initialize(() -> train, 99);
    loaded.load(folder);
    List<Doc> docs = corpus(20, 4).stream().map(Example::predicted).toList();
    assertThat(loaded.labels()).isEqualTo(ner.labels());
    assertThat(loaded.annotate(docs).stream().map(Doc::entityTags).toList())
        .isEqualTo(ner.annotate(docs).stream().map(Doc::entityTags).toList());
  }

  @Test
  void predictionsAreValidBiluoForRandomWeightsAndDocs() {
    Random random = new Random(314);
    List<String> vocabulary = List.of("a", "Bo", "Lee", "in", "New", "York", ".", "x", "Ann", "met");
    for (int trial = 0; trial < 20; trial++) {
      EntityRecognizer ner = fresh(8);
      List<Example<Doc>> train = corpus(6, trial);
      ner.initialize(() -> train, random.nextLong());
      List<Doc> docs = new ArrayList<>();
      for (int d = 0; d < 10; d++) {
        List<String> words = new ArrayList<>();
        int length = 1 + random.nextInt(15);
        for (int w = 0; w < length; w++) {
          words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        docs.add(Doc.ofWords(words));
      }
      for (Doc doc : ner.annotate(docs)) {
        assertThat(doc.entityTags()).hasSize(doc.length()).doesNotContain("-");
        assertThat(Biluo.isValid(doc.entityTags())).as("%s", doc.entityTags()).isTrue();
      }
    }
  }

  @Test
  void anEmptyDocumentGetsNoEntitiesAndTrainsWithoutLoss() {
    List<Example<Doc>> train = corpus(10, 5);
    EntityRecognizer ner = fresh(8);
    ner.initialize(() -> train, 0);
    Doc empty = TOKENIZER.tokenize("");
    assertThat(ner.annotate(List.of(empty, train.get(0).predicted())).get(0).entityTags()).isEmpty();
    LossTotals losses = new LossTotals();
    Doc emptyGold = empty.withEntities(List.of());
    ner.update(List.of(new Example<>(empty, emptyGold)), 0.0, losses);
    assertThat(losses.get("ner")).isZero();
  }

  @Test
  void aTrainingSetWithoutEntitiesIsRefused() {
    EntityRecognizer ner = fresh(8);
    Doc doc = TOKENIZER.tokenize("no entities here");
    List<Example<Doc>> train = List.of(new Example<>(doc, doc));
    assertThatThrownBy(() -> ner.initialize(() -> train, 0)).isInstanceOf(KilnException.class)
        .extracting(e -> ((KilnException) e).code()).isEqualTo(ErrorCode.E314);
  }

  @Test
  void defaultScoreWeightsAreSpacys() {
    EntityRecognizer ner = fresh(8);
    assertThat(ner.defaultScoreWeights().keySet()).containsExactly("ents_f", "ents_p", "ents_r", "ents_per_type");
    assertThat(ner.defaultScoreWeights()).containsEntry("ents_f", 1.0).containsEntry("ents_p", 0.0)
        .containsEntry("ents_r", 0.0).containsEntry("ents_per_type", null);
  }
  @Test
  void givenLabelsEqualToTheDatasMakeTheSameModelWhateverTheirOrder() {
    List<Example<Doc>> train = corpus(20, 4);
    EntityRecognizer fromData = fresh(8);
    fromData.initialize(() -> train, 7);
    EntityRecognizer given = fresh(8);
    given.initialize(() -> train, 7, LabelSource.given(List.of("PER", "LOC"), "labels/ner.json"));

    assertThat(given.labels()).isEqualTo(fromData.labels()).containsExactly("LOC", "PER");
    assertThat(given.tags()).isEqualTo(fromData.tags());
    fromData.model().paramsByKey().forEach((key, value) ->
        assertThat(given.model().paramsByKey().get(key).data()).as(key).containsExactly(value.data()));
    assertThat(given.labelsIn(train)).containsExactly("LOC", "PER");
  }

  @Test
  void entitiesWhoseLabelIsNotGivenAreLeftOutOfTraining() {
    List<Example<Doc>> train = corpus(20, 4);
    EntityRecognizer ner = fresh(8);
    ner.initialize(() -> train, 7, LabelSource.given(List.of("PER"), "labels/ner.json"));

    assertThat(ner.tags()).containsExactly("O", "B-PER", "I-PER", "L-PER", "U-PER");
    LossTotals losses = new LossTotals();
    ner.update(train.subList(0, 4), 0.0, losses);
    assertThat(losses.get("ner")).isFinite().isPositive();
  }
}
