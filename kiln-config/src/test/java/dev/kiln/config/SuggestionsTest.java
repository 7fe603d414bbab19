package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> NAMES =
      List.of("Adam.v1", "SGD.v1", "RAdam.v1", "compounding.v1", "constant.v1", "warmup_linear.v1");

  @Test
  void suggestsNamesWithinAFewEditsClosestFirst() {
    assertThat(Suggestions.similar("Adma.v1", NAMES)).containsExactly("Adam.v1");
    assertThat(Suggestions.similar("Adam.v2", NAMES)).containsExactly("Adam.v1", "RAdam.v1");
    assertThat(Suggestions.similar("compunding.v1", NAMES)).containsExactly("compounding.v1");
  }

  @Test
  void suggestsOtherVersionsOfTheSameName() {
    assertThat(Suggestions.similar("warmup_linear.v7", NAMES)).containsExactly("warmup_linear.v1");
    assertThat(Suggestions.similar("CONSTANT.v2", NAMES)).containsExactly("constant.v1");
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertThat(Suggestions.similar("Tok2Vec.v2", NAMES)).isEmpty();
    assertThat(Suggestions.didYouMean("Tok2Vec.v2", NAMES)).isEmpty();
  }

  @Test
  void formatsSuggestionsAsASentence() {
    assertThat(Suggestions.didYouMean("SDG.v1", NAMES)).isEqualTo(" Did you mean \"SGD.v1\"?");
    assertThat(Suggestions.didYouMean("Adam.v2", NAMES))
        .isEqualTo(" Did you mean \"Adam.v1\" or \"RAdam.v1\"?");
  }

  @Test
  void countsEditsAsLevenshteinDistance() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }
}
