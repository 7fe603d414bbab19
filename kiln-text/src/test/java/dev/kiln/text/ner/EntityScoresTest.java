package dev.kiln.text.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityScoresTest {
  private static final List<String> WORDS = List.of("Ann", "Lee", "met", "Bob", "in", "New", "York");

  private static Example<Doc> example(List<String> predicted, List<String> gold) {
    return new Example<>(Doc.ofWords(WORDS).withEntityTags(predicted), Doc.ofWords(WORDS).withEntityTags(gold));
  }

  private static double score(Map<String, Object> scores, String name) {
    return (double) scores.get(name);
  }

  @Test
  void exactMatchesCountAndBoundaryErrorsCountTwice() {
    List<String> gold = List.of("B-PER", "L-PER", "O", "U-PER", "O", "B-LOC", "L-LOC");
    // Right: Bob. Wrong boundaries: "Ann" alone (a false positive and a missed "Ann Lee"), "York".
    List<String> predicted = List.of("U-PER", "O", "O", "U-PER", "O", "O", "U-LOC");
    Map<String, Object> scores = EntityScores.of(List.of(example(predicted, gold)));
    assertThat(score(scores, "ents_p")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(score(scores, "ents_r")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(score(scores, "ents_f")).isCloseTo(1 / 3.0, within(1e-12));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Double>> perType = (Map<String, Map<String, Double>>) scores.get("ents_per_type");
    assertThat(perType.keySet()).containsExactly("LOC", "PER");
    assertThat(perType.get("PER")).containsEntry("p", 0.5).containsEntry("r", 0.5).containsEntry("f", 0.5);
    assertThat(perType.get("LOC")).containsEntry("p", 0.0).containsEntry("r", 0.0).containsEntry("f", 0.0);
  }

  @Test
  void aRightSpanWithTheWrongLabelIsWrong() {
    List<String> gold = List.of("O", "O", "O", "U-PER", "O", "O", "O");
    Map<String, Object> scores = EntityScores.of(List.of(example(List.of("O", "O", "O", "U-ORG", "O", "O", "O"), gold)));
    assertThat(score(scores, "ents_p")).isZero();
    assertThat(score(scores, "ents_r")).isZero();
    Map<String, Object> right = EntityScores.of(List.of(example(gold, gold)));
    assertThat(score(right, "ents_f")).isEqualTo(1.0);
  }

  @Test
  void unknownReferenceTagsDoNotMakeAPredictionWrong() {
    // The reference does not know "Ann Lee" nor "New"; predictions over them are ignored.
    List<String> gold = List.of("-", "-", "O", "U-PER", "O", "-", "O");
    List<String> predicted = List.of("B-PER", "L-PER", "O", "U-PER", "O", "B-LOC", "L-LOC");
    Map<String, Object> scores = EntityScores.of(List.of(example(predicted, gold)));
    assertThat(score(scores, "ents_p")).isEqualTo(1.0);
    assertThat(score(scores, "ents_r")).isEqualTo(1.0);
  }

  @Test
  void referencesWithoutEntityAnnotationAreSkipped() {
    Doc unannotated = Doc.ofWords(WORDS);
    Doc predicted = Doc.ofWords(WORDS).withEntityTags(List.of("U-PER", "O", "O", "O", "O", "O", "O"));
    Map<String, Object> scores = EntityScores.of(List.of(new Example<>(predicted, unannotated)));
    assertThat(scores).containsEntry("ents_p", 0.0).containsEntry("ents_r", 0.0).containsEntry("ents_f", 0.0);
    assertThat((Map<?, ?>) scores.get("ents_per_type")).isEmpty();
  }

  @Test
  void entitiesMatchByCharactersAcrossTokenizations() {
    // The reference splits "Mr.Smith" into "Mr." and "Smith"; the prediction's tokens differ but the span is the same.
    Doc reference = Doc.ofWords(List.of("Mr.", "Smith", "left"), List.of(false, true, false))
        .withEntityTags(List.of("B-PER", "L-PER", "O"));
    Doc tagged = Doc.ofWords(List.of("Mr", ".", "Smith", "left"), List.of(false, false, true, false))
        .withEntityTags(List.of("B-PER", "I-PER", "L-PER", "O"));
    Map<String, Object> scores = EntityScores.of(List.of(new Example<>(tagged, reference)));
    assertThat(score(scores, "ents_f")).isEqualTo(1.0);
  }

  @Test
  void aPredictionInsideOneReferenceTokenIsRightForItsEntityOnce() {
    // spaCy's get_ner_prf: "New" aligns to the reference token "New-York" only, so it covers that
    // entity exactly; "York" covers it too, but the entity was already matched.
    Doc reference = Doc.ofWords(List.of("in", "New-York")).withEntityTags(List.of("O", "U-GPE"));
    Doc tagged = new Tokenizer().tokenize(reference.text());
    Map<String, Object> once = EntityScores.of(List.of(new Example<>(tagged.withEntityTags(List.of("O", "U-GPE", "O", "O")), reference)));
    assertThat(once).containsEntry("ents_p", 1.0).containsEntry("ents_r", 1.0);
    Map<String, Object> twice = EntityScores.of(List.of(
        new Example<>(tagged.withEntityTags(List.of("O", "U-GPE", "O", "U-GPE")), reference)));
    assertThat(twice).containsEntry("ents_p", 0.5).containsEntry("ents_r", 1.0);
  }

  @Test
  void theLabelOfAnIgnoredPredictionIsListedPerType() {
    List<String> gold = List.of("-", "-", "O", "U-PER", "O", "O", "O");
    List<String> predicted = List.of("U-ORG", "O", "O", "U-PER", "O", "O", "O");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Double>> perType =
        (Map<String, Map<String, Double>>) EntityScores.of(List.of(example(predicted, gold))).get("ents_per_type");
    assertThat(perType.keySet()).containsExactly("ORG", "PER");
    assertThat(perType.get("ORG")).containsEntry("f", 0.0);
  }
}
