package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer();

  private List<String> words(String text) {
    return tokenizer.tokenize(text).tokens().stream().map(Token::text).toList();
  }

  @Test
  void splitsOnWhitespace() {
    assertThat(words("the quick  fox\njumps")).containsExactly("the", "quick", " ", "fox", "\n", "jumps");
  }

  @Test
  void tokensAndTheirSpacesSpellTheText() {
    String text = "  Hello,  (world)!\tSee https://kiln.dev/a?b=1. Mail me@x.org \n";
    StringBuilder rebuilt = new StringBuilder();
    for (Token token : tokenizer.tokenize(text).tokens()) {
      assertThat(text.substring(token.idx(), token.endChar())).isEqualTo(token.text());
      rebuilt.append(token.text()).append(token.whitespace() ? " " : "");
    }
    assertThat(rebuilt.toString()).isEqualTo(text);
  }

  @Test
  void peelsPunctuationQuotesAndBracketsOffBothEnds() {
    assertThat(words("(\"Hello,\" she said.)")).containsExactly("(", "\"", "Hello", ",", "\"", "she", "said", ".", ")");
    assertThat(words("«Bonjour»!")).containsExactly("«", "Bonjour", "»", "!");
  }

  @Test
  void peelsCurrencyAndPercent() {
    assertThat(words("$5 and €12.50 or 50%")).containsExactly("$", "5", "and", "€", "12.50", "or", "50", "%");
  }

  @Test
  void peelsPossessiveAndEllipsisSuffixes() {
    assertThat(words("John's")).containsExactly("John", "'s");
    assertThat(words("we don't, they'll")).containsExactly("we", "do", "n't", ",", "they", "'ll");
    assertThat(words("wait...")).containsExactly("wait", "...");
  }

  @Test
  void splitsInfixes() {
    assertThat(words("well-known")).containsExactly("well", "-", "known");
    assertThat(words("and/or")).containsExactly("and", "/", "or");
    assertThat(words("yes...no")).containsExactly("yes", "...", "no");
  }

  @Test
  void keepsNumbersWhole() {
    assertThat(words("1,000.50 3.14 -7 10:30")).containsExactly("1,000.50", "3.14", "-7", "10:30");
    assertThat(words("pi is 3.14.")).containsExactly("pi", "is", "3.14", ".");
  }

  @Test
  void keepsUrlsAndEmailsWhole() {
    assertThat(words("see https://example.com/a-b/c?x=1, or www.kiln.dev.")).containsExactly("see",
        "https://example.com/a-b/c?x=1", ",", "or", "www.kiln.dev", ".");
    assertThat(words("(jane.doe@example.co.uk)")).containsExactly("(", "jane.doe@example.co.uk", ")");
  }

  @Test
  void keepsDottedAbbreviationsWhole() {
    assertThat(words("the U.S. army")).containsExactly("the", "U.S.", "army");
  }

  @Test
  void handlesOtherScripts() {
    assertThat(words("Größe: 12€, naïve—día «sí»")).containsExactly("Größe", ":", "12", "€", ",", "naïve", "—", "día", "«",
        "sí", "»");
    assertThat(words("Привет, мир!")).containsExactly("Привет", ",", "мир", "!");
  }

  @Test
  void recordsCharacterOffsetsAndTrailingSpace() {
    Doc doc = tokenizer.tokenize("Hi, you");
    assertThat(doc.tokens()).containsExactly(new Token(0, "Hi", 0, false), new Token(1, ",", 2, true),
        new Token(2, "you", 4, false));
    assertThat(doc.length()).isEqualTo(3);
  }

  @Test
  void emptyTextHasNoTokens() {
    assertThat(tokenizer.tokenize("").length()).isZero();
  }
}
