package dev.kiln.text.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.config.KilnException;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Doc;
import dev.kiln.text.TextExample;
import dev.kiln.text.Token;
import dev.kiln.text.Tokenizer;
import dev.kiln.text.tok2vec.Tok2VecModel;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tagger with its own tok2vec (no listener). */
class TaggerTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  private static Tagger tagger() {
    return tagger(false, 0.0);
  }

  private static Tagger tagger(boolean overwrite, double labelSmoothing) {
    return new Tagger("tagger", TaggerModel.create(Tok2VecModel.hashEmbedCnn(16, 1, 200, 1, 3, true), null, false),
        overwrite, labelSmoothing, NegativeTags.byDefault());
  }

  private static Example<Doc> example(List<String> words, List<String> tags) {
    return TextExample.of(Doc.ofWords(words).withTags(tags), TOKENIZER);
  }

  @Test
  void labelsAreTheKnownTagsOfTheTrainingDataSorted() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = List.of(example(List.of("a", "b", "c"), List.of("X", "-", "A")),
        example(List.of("d"), List.of("M")));
    tagger.initialize(() -> examples, 0);
    assertThat(tagger.labels()).containsExactly("A", "M", "X");
    assertThat(tagger.defaultScoreWeights()).isEqualTo(Map.of("tag_acc", 1.0));
  }

  @Test
  void tokensWithAMissingTagAddNothingToTheLoss() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")));
    tagger.initialize(() -> examples, 0);
    LossTotals losses = new LossTotals();
    // The output layer starts at zero, so every tag has probability 1/3. The loss is spaCy's
    // (Thinc's sum of the squared gradient): (1/3 - 1)^2 + 2 (1/3)^2 = 2/3 per known token.
    tagger.update(List.of(example(List.of("the", "dog", "sleeps"), List.of("DET", "-", "VERB"))), 0.0, losses);
    assertThat(losses.get("tagger")).isCloseTo(2 * 2.0 / 3, within(1e-5));
  }

  @Test
  void anEmptyTagIsMissingAsInSpacyNeitherALabelNorTrainedOn() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "", "VERB")),
        example(List.of("a", "dog"), List.of("DET", "NOUN")));
    tagger.initialize(() -> examples, 0);
    assertThat(tagger.labels()).containsExactly("DET", "NOUN", "VERB");
    LossTotals losses = new LossTotals();
    // Each of the two tagged tokens adds (1/3 - 1)^2 + 2 (1/3)^2 = 2/3 (see the test above); "" adds nothing.
    tagger.update(List.of(example(List.of("the", "dog", "sleeps"), List.of("DET", "", "VERB"))), 0.0, losses);
    assertThat(losses.get("tagger")).isCloseTo(2 * 2.0 / 3, within(1e-5));
  }

  @Test
  void labelSmoothingSpreadsTheTargetOverTheOtherTags() {
    Tagger tagger = tagger(false, 0.2);
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")));
    tagger.initialize(() -> examples, 0);
    LossTotals losses = new LossTotals();
    // Uniform probabilities 1/3 against targets 0.8 and 0.1: (1/3 - 0.8)^2 + 2 (1/3 - 0.1)^2 =
    // 294/900 per token (unsmoothed it would be 2/3).
    tagger.update(List.of(example(List.of("a", "dog"), List.of("DET", "NOUN"))), 0.0, losses);
    assertThat(losses.get("tagger")).isCloseTo(2 * 294.0 / 900, within(1e-5));
    assertThatThrownBy(() -> tagger(false, 0.7).initialize(() -> examples, 0))
        .isInstanceOf(KilnException.class).hasMessageContaining("E325");
  }

  @Test
  void tagsADocumentAlreadyHasAreKeptUnlessOverwriteIsOn() {
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")));
    Doc tagged = Doc.ofWords(List.of("the", "cat")).withTags(List.of("X", "-"));
    Tagger keeping = tagger(false, 0.0);
    keeping.initialize(() -> examples, 0);
    assertThat(keeping.annotate(List.of(tagged)).get(0).tags().get(0)).isEqualTo("X");
    assertThat(keeping.annotate(List.of(tagged)).get(0).tags().get(1)).isNotEqualTo("-");
    Tagger overwriting = tagger(true, 0.0);
    overwriting.initialize(() -> examples, 0);
    assertThat(overwriting.annotate(List.of(tagged)).get(0).tags().get(0)).isNotEqualTo("X");
  }

  @Test
  void trainingDataWithoutTagsIsACodedError() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = List.of(TextExample.of(Doc.ofWords(List.of("no", "tags")), TOKENIZER));
    assertThatThrownBy(() -> tagger.initialize(() -> examples, 0))
        .isInstanceOf(KilnException.class).hasMessageContaining("E324");
  }

  @Test
  void anEmbeddedTok2VecLearnsToTagByContext() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = new ArrayList<>();
    for (String noun : List.of("fish", "plant", "run", "walk")) {
      examples.add(example(List.of("the", noun, "sleeps"), List.of("DET", "NOUN", "VERB")));
      examples.add(example(List.of("they", noun, "it"), List.of("PRON", "VERB", "PRON")));
    }
    tagger.initialize(() -> examples, 1);
    Adam adam = new Adam(0.01);
    for (int step = 0; step < 40; step++) {
      tagger.update(examples, 0.0, new LossTotals());
      tagger.finishUpdate(adam);
    }
    List<Doc> docs = new ArrayList<>();
    examples.forEach(example -> docs.add(example.predicted()));
    List<Doc> tagged = tagger.annotate(docs);
    for (int i = 0; i < examples.size(); i++) {
      examples.get(i).setPredicted(tagged.get(i));
    }
    assertThat(tagger.score(examples)).containsEntry("tag_acc", 1.0).containsEntry("token_acc", 1.0);
  }

  @Test
  void tagAccuracyCountsAlignedTokensWithAReferenceTag() {
    Example<Doc> example = example(List.of("a", "b", "c", "d"), List.of("X", "Y", "-", "Z"));
    example.setPredicted(example.predicted().withTags(List.of("X", "N", "Q", "Z")));
    assertThat(TagScores.tagAccuracy(List.of(example))).isCloseTo(2.0 / 3, within(1e-9));
  }
  @Test
  void givenTagsEqualToTheDatasMakeTheSameModelWhateverTheirOrder() {
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")));
    Tagger fromData = tagger();
    fromData.initialize(() -> examples, 3);
    Tagger given = tagger();
    given.initialize(() -> examples, 3, LabelSource.given(List.of("VERB", "DET", "NOUN"), "labels/tagger.json"));

    assertThat(given.labels()).isEqualTo(fromData.labels()).containsExactly("DET", "NOUN", "VERB");
    fromData.model().paramsByKey().forEach((key, value) ->
        assertThat(given.model().paramsByKey().get(key).data()).as(key).containsExactly(value.data()));
    assertThat(given.labelsIn(examples)).containsExactly("DET", "NOUN", "VERB");
  }

  @Test
  void tokensWhoseTagIsNotAmongTheGivenTagsAddNothingToTheLoss() {
    List<Example<Doc>> examples = List.of(example(List.of("the", "cat", "runs"), List.of("DET", "NOUN", "VERB")));
    Tagger tagger = tagger();
    tagger.initialize(() -> examples, 0, LabelSource.given(List.of("DET", "VERB"), "labels/tagger.json"));
    LossTotals losses = new LossTotals();
    // Two tags, each of probability 1/2 at first: (1/2 - 1)^2 + (1/2)^2 = 1/2 per token whose
    // tag is known; NOUN is not among the given tags, so "dog" adds nothing.
    tagger.update(List.of(example(List.of("the", "dog", "sleeps"), List.of("DET", "NOUN", "VERB"))), 0.0, losses);
    assertThat(tagger.labels()).containsExactly("DET", "VERB");
    assertThat(losses.get("tagger")).isCloseTo(2 * 0.5, within(1e-5));
  }

  @Test
  void tagAccuracyCountsTheTagsGivenToASplitReferenceTokenAsASet() {
    Doc reference = Doc.ofWords(List.of("I", "like", "New-York", "."), List.of(true, true, false, false))
        .withTags(List.of("PRON", "VERB", "PROPN", "PUNCT"));
    Example<Doc> example = TextExample.of(reference, TOKENIZER);
    Doc predicted = example.predicted();
    example.setPredicted(predicted.withTags(List.of("PRON", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT")));
    assertThat(TagScores.tagAccuracy(List.of(example))).isEqualTo(1.0);
    // "New", "-", "York" give "New-York" two tags: one right, one wrong guess (p = 4/5, r = 1).
    example.setPredicted(predicted.withTags(List.of("PRON", "VERB", "PROPN", "PUNCT", "PROPN", "PUNCT")));
    assertThat(TagScores.tagAccuracy(List.of(example))).isCloseTo(2 * 0.8 / 1.8, within(1e-12));
  }

  @Test
  void tagAccuracyCountsATaggedReferenceWhitespaceTokenAsMissedAsSpacyDoes() {
    List<Token> tokens = List.of(new Token(0, "a", 0, true), new Token(1, "\n", 2, false), new Token(2, "b", 3, false));
    Doc reference = Doc.of("a \nb", tokens).withTags(List.of("X", "SPACE", "Y"));
    Example<Doc> example = new Example<>(Doc.of("a \nb", tokens).withTags(List.of("X", "SPACE", "Y")), reference);
    assertThat(TagScores.tagAccuracy(List.of(example))).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void theTaggerLearnsFromTheTokensOfASplitReferenceToken() {
    Tagger tagger = tagger();
    List<Example<Doc>> examples = List.of(TextExample.of(Doc.ofWords(List.of("New-York")).withTags(List.of("PROPN")), TOKENIZER),
        example(List.of("it"), List.of("PRON")));
    tagger.initialize(() -> examples, 1);
    LossTotals losses = new LossTotals();
    tagger.update(examples.subList(0, 1), 0.0, losses);
    assertThat(losses.get("tagger")).isPositive();
  }
}
