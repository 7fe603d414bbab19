package dev.kiln.text.sents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.text.Doc;
import dev.kiln.text.Span;
import dev.kiln.text.TextExample;
import dev.kiln.text.Token;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentencizerTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  /** The sentencizer a config section with only the factory name makes: every argument its default. */
  private static Sentencizer registered() {
    Config config = Config.parse("[s]\n@factories = \"sentencizer.v1\"\nname = \"sentencizer\"\n", "test.cfg");
    return (Sentencizer) Resolver.resolve(config.root(), Registries.load()).get("s");
  }

  private static Sentencizer sentencizer() {
    return new Sentencizer("sentencizer", List.of(".", "!", "?", "\u3002"), false);
  }

  private static List<String> sentenceTexts(Doc doc) {
    return doc.sentences().stream().map(Span::text).toList();
  }

  @Test
  void aSentenceEndsAfterFinalPunctuationAndTheNextWordStartsOne() {
    Doc doc = sentencizer().annotate(List.of(TOKENIZER.tokenize("Hello world. How are you?! Fine"))).get(0);
    assertThat(sentenceTexts(doc)).containsExactly("Hello world.", "How are you?!", "Fine");
  }

  @Test
  void closingQuotesAfterTheFullStopStayInTheSentence() {
    Doc doc = sentencizer().annotate(List.of(Doc.ofWords(List.of("He", "said", "\"", "hi", ".", "\"", "Then", "left"))))
        .get(0);
    assertThat(doc.sentStarts()).containsExactly(true, false, false, false, false, false, true, false);
  }

  @Test
  void cjkFullStopsEndSentencesAndADocWithoutPunctuationIsOneSentence() {
    Doc cjk = sentencizer().annotate(List.of(Doc.ofWords(List.of("你好", "\u3002", "再见")))).get(0);
    assertThat(cjk.sentStarts()).containsExactly(true, false, true);
    Doc plain = sentencizer().annotate(List.of(TOKENIZER.tokenize("no punctuation here"))).get(0);
    assertThat(sentenceTexts(plain)).containsExactly("no punctuation here");
  }

  @Test
  void existingSentenceStartsAreKeptUnlessOverwriteIsSet() {
    Doc given = TOKENIZER.tokenize("One. Two").withSentStarts(List.of(true, false, false));
    assertThat(sentencizer().annotate(List.of(given)).get(0).sentStarts()).containsExactly(true, false, false);
    Sentencizer overwriting = new Sentencizer("s", List.of("."), true);
    assertThat(overwriting.annotate(List.of(given)).get(0).sentStarts()).containsExactly(true, false, true);
  }

  @Test
  void scoresCompareSentencesByCharacterOffsets() {
    Doc text = TOKENIZER.tokenize("A b. C d. E f");
    // Reference: "A b." | "C d. E f" (the second full stop does not end a sentence here).
    Doc reference = text.withSentStarts(List.of(true, false, false, true, false, false, false, false));
    Example<Doc> example = new Example<>(text, reference);
    example.setPredicted(sentencizer().annotate(List.of(example.predicted())).get(0));
    Map<String, Object> scores = sentencizer().score(List.of(example));
    // Predicted "A b.", "C d.", "E f": one of three is right; one of two reference sentences found.
    assertThat((double) scores.get("sents_p")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat((double) scores.get("sents_r")).isCloseTo(0.5, within(1e-12));
    assertThat((double) scores.get("sents_f")).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void aPredictedSentenceThatEndsInsideAReferenceTokenIsNeitherRightNorWrong() {
    Doc reference = Doc.ofWords(List.of("Go", "to", "St.Louis", ".", "Now")).withSentStarts(List.of(true, false, false, false, true));
    Example<Doc> example = TextExample.of(reference, TOKENIZER);
    assertThat(example.predicted().tokens()).extracting(Token::text)
        .containsExactly("Go", "to", "St", ".", "Louis", ".", "Now");
    example.setPredicted(sentencizer().annotate(List.of(example.predicted())).get(0));
    assertThat(sentenceTexts(example.predicted())).containsExactly("Go to St.", "Louis .", "Now");
    // "Go to St." and "Louis ." end and start inside "St.Louis": spaCy drops them; "Now" is right.
    assertThat(sentencizer().score(List.of(example))).containsExactly(
        Map.entry("sents_p", 1.0), Map.entry("sents_r", 0.5), Map.entry("sents_f", 2 * 0.5 / 1.5));
  }

  @Test
  void examplesWithoutReferenceSentencesAreLeftOut() {
    List<Example<Doc>> examples = new ArrayList<>();
    Doc unannotated = TOKENIZER.tokenize("A b. C d.");
    examples.add(new Example<>(sentencizer().annotate(List.of(unannotated)).get(0), unannotated));
    assertThat(sentencizer().score(examples)).containsExactly(
        Map.entry("sents_p", 0.0), Map.entry("sents_r", 0.0), Map.entry("sents_f", 0.0));
    assertThat(sentencizer().defaultScoreWeights()).containsExactly(
        Map.entry("sents_f", 1.0), Map.entry("sents_p", 0.0), Map.entry("sents_r", 0.0));
  }

  @Test
  void theRegisteredFactoryDefaultsToSpacysFinalPunctuation() {
    Doc doc = registered().annotate(List.of(Doc.ofWords(List.of("Was", "ist", "das", "\uff1f", "Nichts", "\u0964", "Gut"))))
        .get(0);
    assertThat(doc.sentStarts()).containsExactly(true, false, false, false, true, false, true);
  }
}
