package dev.kiln.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A rule-based tokenizer in spaCy's manner: the text is split on whitespace, then each chunk
 * has its prefixes and suffixes (punctuation, quotes, brackets, currency, {@code %}) peeled off
 * its ends and its infixes (hyphens between letters, {@code ...}, {@code /}) split out of the
 * middle; URLs, e-mail addresses and numbers such as {@code 1,000.50} stay whole.
 *
 * <p>Whitespace is kept: a single space after a token is its {@link Token#whitespace()} flag,
 * and any other whitespace becomes a token of its own, so the tokens and their flags spell the
 * text exactly.
 */
public final class Tokenizer {
  /** Splits {@code text} into tokens. */
  public Doc tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      int end = pos;
      while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
      splitChunk(text, pos, end, tokens);
      pos = addWhitespace(text, end, tokens);
    }
    return Doc.of(text, tokens);
  }

  private static int addWhitespace(String text, int start, List<Token> tokens) {
    int end = start;
    while (end < text.length() && Character.isWhitespace(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    int rest = start;
    // One plain space belongs to the token before it, as spaCy's trailing whitespace does.
    if (rest < end && text.charAt(rest) == ' ' && !tokens.isEmpty() && !tokens.get(tokens.size() - 1).isSpace()) {
      Token last = tokens.remove(tokens.size() - 1);
      tokens.add(new Token(last.i(), last.text(), last.idx(), true));
      rest++;
    }
    if (rest < end) {
      tokens.add(new Token(tokens.size(), text.substring(rest, end), rest, false));
    }
    return end;
  }

  private static void splitChunk(String text, int start, int end, List<Token> tokens) {
    List<int[]> suffixes = new ArrayList<>();
    while (start < end) {
      String rest = text.substring(start, end);
      if (TokenizerRules.isWhole(rest)) {
        break;
      }
      int prefix = TokenizerRules.prefixLength(rest);
      if (prefix > 0 && prefix < rest.length()) {
        add(text, start, start + prefix, tokens);
        start += prefix;
        continue;
      }
      int suffix = TokenizerRules.suffixLength(rest);
      if (suffix > 0 && suffix < rest.length()) {
        suffixes.add(new int[] {end - suffix, end});
        end -= suffix;
        continue;
      }
      break;
    }
    if (start < end) {
      splitInfixes(text, start, end, tokens);
    }
    for (int k = suffixes.size() - 1; k >= 0; k--) {
      add(text, suffixes.get(k)[0], suffixes.get(k)[1], tokens);
    }
  }

  private static void splitInfixes(String text, int start, int end, List<Token> tokens) {
    String middle = text.substring(start, end);
    if (!TokenizerRules.mayHaveInfixes(middle) || TokenizerRules.isWhole(middle)) {
      add(text, start, end, tokens);
      return;
    }
    Matcher infix = TokenizerRules.infixes(middle);
    int done = 0;
    while (infix.find()) {
      if (infix.start() == 0 && infix.end() == middle.length()) {
        break;
      }
      if (infix.start() > done) {
        add(text, start + done, start + infix.start(), tokens);
      }
      add(text, start + infix.start(), start + infix.end(), tokens);
      done = infix.end();
    }
    if (done < middle.length()) {
      add(text, start + done, end, tokens);
    }
  }

  private static void add(String text, int start, int end, List<Token> tokens) {
    tokens.add(new Token(tokens.size(), text.substring(start, end), start, false));
  }
}
