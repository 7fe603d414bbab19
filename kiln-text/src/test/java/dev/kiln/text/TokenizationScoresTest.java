package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.train.Example;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizationScoresTest {
  @Test
  void identicalTokenizationsScoreOne() {
    Doc doc = Doc.ofWords(List.of("a", "b", "c"));
    Map<String, Object> scores = TokenizationScores.of(List.of(new Example<>(doc, doc)));
    assertThat(scores).containsEntry("token_acc", 1.0).containsEntry("token_p", 1.0).containsEntry("token_r", 1.0)
        .containsEntry("token_f", 1.0);
  }

  @Test
  void aReferenceTokenSplitInTwoCountsForAccuracyButNotForTheSpans() {
    // Reference "don't" is one token; predicted "do" + "n't" overlap exactly one reference token each.
    Doc reference = Doc.ofWords(List.of("I", "don't", "know"));
    Doc predicted = Doc.of(reference.text(), List.of(new Token(0, "I", 0, true), new Token(1, "do", 2, false),
        new Token(2, "n't", 4, true), new Token(3, "know", 8, false)));
    Map<String, Object> scores = TokenizationScores.of(List.of(new Example<>(predicted, reference)));
    assertThat(scores.get("token_acc")).isEqualTo(1.0);
    assertThat((Double) scores.get("token_p")).isCloseTo(2.0 / 4, within(1e-9));
    assertThat((Double) scores.get("token_r")).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void aPredictedTokenAcrossTwoReferenceTokensIsNotAccurate() {
    Doc reference = Doc.ofWords(List.of("New", "York"), List.of(false, false));
    Doc predicted = Doc.ofWords(List.of("NewYork"), List.of(false));
    Map<String, Object> scores = TokenizationScores.of(List.of(new Example<>(predicted, reference)));
    assertThat(scores).containsEntry("token_acc", 0.0).containsEntry("token_f", 0.0);
  }

  @Test
  void tokenAccuracyIsSpacysFScoreOfRightAndWrongTokensWithNoMisses() {
    // "a", "b" align to one reference token each, "cd" to two: 2 right, 1 wrong, so p = 2/3, r = 1.
    Doc reference = Doc.ofWords(List.of("a", "b", "c", "d"), List.of(true, true, false, false));
    Doc predicted = Doc.ofWords(List.of("a", "b", "cd"));
    Map<String, Object> scores = TokenizationScores.of(List.of(new Example<>(predicted, reference)));
    assertThat((Double) scores.get("token_acc")).isCloseTo(2 * (2.0 / 3) / (1 + 2.0 / 3), within(1e-12));
  }
}
