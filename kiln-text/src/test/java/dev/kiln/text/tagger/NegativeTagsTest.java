package dev.kiln.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.nn.optimizers.SGD;
import dev.kiln.text.Doc;
import dev.kiln.text.TextExample;
import dev.kiln.text.Tokenizer;
import dev.kiln.text.tok2vec.Tok2VecModel;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spaCy's tagger setting neg_prefix: "!NN" says a token is not NN. */
class NegativeTagsTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  /** The tagger section as spaCy 3.7's init fill-config writes it, with a tok2vec of its own. */
  private static String spacyFilledConfig(String negPrefix) {
    return """
        [nlp]
        pipeline = ["tagger"]

        [components]

        [components.tagger]
        factory = "tagger"
        label_smoothing = 0.0
        neg_prefix = %s
        overwrite = false
        scorer = {"@scorers":"spacy.tagger_scorer.v1"}

        [components.tagger.model]
        @architectures = "spacy.Tagger.v2"
        nO = null
        normalize = false

        [components.tagger.model.tok2vec]
        @architectures = "spacy.HashEmbedCNN.v2"
        width = 8
        depth = 1
        embed_size = 100
        window_size = 1
        maxout_pieces = 2
        subword_features = true
        pretrained_vectors = null
        """.formatted(negPrefix);
  }

  private static Tagger fromConfig(String negPrefix) {
    Pipeline<Doc> pipeline = PipelineBuilder.build(
        Config.parse(spacyFilledConfig(negPrefix), "config.cfg").interpolate().root(), Registries.load());
    return (Tagger) pipeline.component("tagger");
  }

  /** A tagger whose output layer starts at zero, so every tag starts equally likely. */
  private static Tagger tagger(NegativeTags negativeTags) {
    return new Tagger("tagger", TaggerModel.create(Tok2VecModel.hashEmbedCnn(16, 1, 200, 1, 3, true), null, false),
        false, 0.0, negativeTags);
  }

  private static Example<Doc> example(List<String> words, List<String> tags) {
    return TextExample.of(Doc.ofWords(words).withTags(tags), TOKENIZER);
  }

  private static List<Example<Doc>> data() {
    return List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")),
        example(List.of("a", "dog", "sleeps"), List.of("DET", "!NOUN", "VERB")));
  }

  @Test
  void aTaggerSectionAsSpacyFillsItTrains() {
    Tagger tagger = fromConfig("\"!\"");
    List<Example<Doc>> examples = data();
    tagger.initialize(() -> examples, 0);
    LossTotals losses = new LossTotals();
    tagger.update(examples, 0.0, losses);
    tagger.finishUpdate(new SGD(0.1));
    assertThat(tagger.labels()).containsExactly("DET", "NOUN", "VERB");
    assertThat(losses.get("tagger")).isPositive();
  }

  @Test
  void aNegativeTagTrainsOnlyTheTagItNamesDownAsThincDoes() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    tagger.initialize(() -> data(), 0);
    LossTotals losses = new LossTotals();
    // Uniform probabilities 1/3. "dog" is "not NOUN": Thinc masks every output but NOUN's, whose
    // target is 0, so its gradient is (1/3, masked, masked) and it adds (1/3)^2 = 1/9 to the
    // loss (the sum of the squared gradient); "a" adds (1/3 - 1)^2 + 2 (1/3)^2 = 2/3.
    tagger.update(List.of(example(List.of("a", "dog"), List.of("DET", "!NOUN"))), 0.0, losses);
    assertThat(losses.get("tagger")).isCloseTo(2.0 / 3 + 1.0 / 9, within(1e-5));
  }

  @Test
  void learningFromANegativeTagLowersThatTagsProbabilityOnly() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    tagger.initialize(() -> data(), 0);
    List<Example<Doc>> notNoun = List.of(example(List.of("dog"), List.of("!NOUN")));
    SGD sgd = new SGD(1.0);
    for (int step = 0; step < 3; step++) {
      tagger.update(notNoun, 0.0, new LossTotals());
      tagger.finishUpdate(sgd);
    }
    // Prediction gives logits (spaCy's normalize = false); all three start at 0.
    float[] logits = tagger.model().predict(List.of(notNoun.get(0).predicted())).get(0).data();
    assertThat(logits[1]).as("NOUN").isNegative();
    // Only NOUN's output had a gradient, so the output weights of DET and VERB stayed at zero.
    assertThat(logits[0]).as("DET").isZero();
    assertThat(logits[2]).as("VERB").isZero();
  }

  @Test
  void aNegativeTagIsNoLabelAndIsNeverMatchedInScoring() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    tagger.initialize(() -> data(), 0);
    assertThat(tagger.labels()).containsExactly("DET", "NOUN", "VERB");
    assertThat(tagger.labelsIn(data())).containsExactly("DET", "NOUN", "VERB");
    // spaCy's score_token_attr skips only missing ("") gold values: "!NOUN" is a gold tag no
    // prediction equals, so 5 of 6 are right.
    Example<Doc> scored = data().get(1);
    scored.setPredicted(scored.predicted().withTags(List.of("DET", "VERB", "VERB")));
    Example<Doc> other = data().get(0);
    other.setPredicted(other.predicted().withTags(List.of("DET", "NOUN", "VERB")));
    assertThat(tagger.score(List.of(other, scored)).get("tag_acc")).isEqualTo(5.0 / 6);
  }

  @Test
  void withANullNegPrefixANegativeLookingTagIsAnOrdinaryTagAsInThinc() {
    Tagger tagger = fromConfig("null");
    tagger.initialize(() -> data(), 0);
    assertThat(tagger.labels()).containsExactly("!NOUN", "DET", "NOUN", "VERB");
  }

  @Test
  void anotherPrefixMarksNegativeTagsInstead() {
    Tagger tagger = fromConfig("\"NOT_\"");
    List<Example<Doc>> examples = List.of(example(List.of("a", "dog", "runs"), List.of("DET", "NOT_NOUN", "!VERB")),
        example(List.of("the", "cat"), List.of("DET", "NOUN")));
    tagger.initialize(() -> examples, 0);
    assertThat(tagger.labels()).containsExactly("!VERB", "DET", "NOUN");
  }

  @Test
  void aTagThatIsOnlyThePrefixNamesNoTagAndAddsNothing() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    tagger.initialize(() -> data(), 0);
    LossTotals losses = new LossTotals();
    tagger.update(List.of(example(List.of("a", "dog", "wow"), List.of("DET", "!", "!ADJ"))), 0.0, losses);
    assertThat(tagger.labels()).doesNotContain("!", "");
    assertThat(losses.get("tagger")).as("only \"a\": \"!\" and \"!ADJ\" name no label").isCloseTo(2.0 / 3, within(1e-5));
  }

  @Test
  void givenLabelsLearnFromNegativeTagsAlone() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    List<Example<Doc>> onlyNegative = List.of(example(List.of("a", "dog"), List.of("!NOUN", "!DET")));
    tagger.initialize(() -> onlyNegative, 0, LabelSource.given(List.of("DET", "NOUN"), "labels/tagger.json"));
    LossTotals losses = new LossTotals();
    tagger.update(onlyNegative, 0.0, losses);
    assertThat(tagger.labels()).containsExactly("DET", "NOUN");
    // Each token pushes one of two equally likely tags down: (1/2)^2 each.
    assertThat(losses.get("tagger")).isCloseTo(0.5, within(1e-5));

    Tagger fromData = tagger(NegativeTags.byDefault());
    assertThatThrownBy(() -> fromData.initialize(() -> onlyNegative, 0))
        .as("no labels to learn without given ones").isInstanceOf(KilnException.class).hasMessageContaining("[E324]");
  }

  @Test
  void aGivenLabelThatStartsWithThePrefixIsRefused() {
    Tagger tagger = tagger(NegativeTags.byDefault());
    assertThatThrownBy(() -> tagger.initialize(() -> data(), 0, LabelSource.given(List.of("DET", "!X"), "labels/tagger.json")))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E346] component tagger: the given label \"!X\" starts with neg_prefix \"!\"");
    Tagger ordinary = tagger(new NegativeTags(Optional.empty()));
    ordinary.initialize(() -> data(), 0, LabelSource.given(List.of("DET", "!X"), "labels/tagger.json"));
    assertThat(ordinary.labels()).containsExactly("!X", "DET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "1", "[\"!\"]", "true"})
  void aNegPrefixThatIsNoNonEmptyStringIsACodedConfigError(String value) {
    assertThatThrownBy(() -> fromConfig(value)).isInstanceOf(KilnException.class)
        .hasMessageContaining("[E345] components.tagger.neg_prefix must be a non-empty string")
        .hasMessageContaining("line 9:");
  }

  @Test
  void theSettingIsReadAsConfigured() {
    assertThat(NegativeTags.configured("tagger", null).prefix()).isEmpty();
    assertThat(NegativeTags.configured("tagger", "~").prefix()).isEqualTo(Optional.of("~"));
    assertThat(NegativeTags.byDefault().isNegative("!NN")).isTrue();
    assertThat(NegativeTags.byDefault().negatedTag("!NN")).isEqualTo("NN");
    assertThat(new NegativeTags(Optional.empty()).isNegative("!NN")).isFalse();
  }
}
