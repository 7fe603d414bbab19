package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenTest {
  private static Token token(String text) {
    return new Token(0, text, 0, false);
  }

  @Test
  void shapeCollapsesRunsLongerThanFour() {
    assertThat(token("Hello").shape()).isEqualTo("Xxxxx");
    assertThat(token("Helloworld").shape()).isEqualTo("Xxxxx");
    assertThat(token("1999").shape()).isEqualTo("dddd");
    assertThat(token("12.5").shape()).isEqualTo("dd.d");
    assertThat(token("NASA-2").shape()).isEqualTo("XXXX-d");
    assertThat(token("Émile").shape()).isEqualTo("Xxxxx");
  }

  @Test
  void lexicalAttributes() {
    Token token = token("Running");
    assertThat(token.lower()).isEqualTo("running");
    assertThat(token.norm()).isEqualTo("running");
    assertThat(token.prefix()).isEqualTo("R");
    assertThat(token.suffix()).isEqualTo("ing");
    assertThat(token("’Tis").norm()).isEqualTo("'tis");
    assertThat(token("ab").suffix()).isEqualTo("ab");
  }

  @Test
  void prefixAndSuffixKeepSurrogatePairsWhole() {
    Token token = token("\uD835\uDC00bc\uD835\uDC01");
    assertThat(token.prefix()).isEqualTo("\uD835\uDC00");
    assertThat(token.suffix()).isEqualTo("bc\uD835\uDC01");
  }
}
