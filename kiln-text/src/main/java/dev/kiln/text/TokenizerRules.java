package dev.kiln.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns of the default {@link Tokenizer}, in spaCy's four kinds: whole tokens that are
 * never split (URLs, e-mail addresses, numbers, dotted abbreviations), prefixes and suffixes
 * peeled off a word's ends (English clitics such as {@code 's} and {@code n't} among them), and infixes split out of its middle. Character classes are Unicode
 * properties, so quotes, brackets, dashes and currency signs of any script are recognised.
 */
final class TokenizerRules {
  private static final String CLOSE = "[\\p{Pe}\\p{Pf}\\p{Pi}\"'`.,;:!?%\\p{Sc}°)\\]}>]";
  private static final Pattern URL = Pattern.compile(
      "(?i)(?:(?:https?|ftp)://|www\\.)[^\\s]*[^\\s.,;:!?'\"\\p{Pe}\\p{Pf}]"
          + "|(?i)[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:com|org|net|edu|gov|io|dev|de|uk|fr)(?:/[^\\s]*[^\\s.,;:!?'\"\\p{Pe}\\p{Pf}])?");
  private static final Pattern EMAIL = Pattern.compile(
      "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  private static final Pattern NUMBER = Pattern.compile("[+\\-\u2212]?\\p{Nd}+(?:[.,:]\\p{Nd}+)*");
  private static final Pattern ABBREVIATION = Pattern.compile("(?:\\p{L}\\.){2,}|\\p{Lu}\\.");
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:\\.\\.\\.|\u2026|[\\p{Ps}\\p{Pi}\\p{Pf}\"'`\\p{Sc}#§¿¡*&<~+\u2013\u2014])");
  private static final Pattern SUFFIX = Pattern.compile(
      "(?:\\.\\.\\.|\u2026|(?<=\\p{L})(?:n['\u2019]t|['\u2019](?:[sSmMdD]|re|ll|ve))|" + CLOSE + ")$");
  private static final Pattern INFIX = Pattern.compile(
      "\\.\\.\\.|\u2026|(?<=[\\p{L}\\p{N}])/(?=[\\p{L}\\p{N}])|(?<=\\p{L})[-\u2010\u2013\u2014](?=\\p{L})"
          + "|(?<=\\p{L})[,;:](?=\\p{L})|(?<=[\\p{Ll}\\p{N}])\\.(?=\\p{Lu})|--");

  private TokenizerRules() {}

  // Most chunks are plain words, which no pattern can match; a look at their characters
  // answers for them without running the patterns (measured: tokenizing was most of the time
  // spent reading a corpus of e-mails).

  /** Whether the whole string is one token that must not be split further. */
  static boolean isWhole(String s) {
    // Every whole-token pattern needs a digit, '.', '@' or "://".
    if (!containsAny(s, ".@:") && !containsDigit(s)) {
      return false;
    }
    return URL.matcher(s).matches() || EMAIL.matcher(s).matches() || NUMBER.matcher(s).matches()
        || ABBREVIATION.matcher(s).matches();
  }

  /** The length of the prefix at the start of {@code s}, 0 when there is none. */
  static int prefixLength(String s) {
    // Prefixes are punctuation and symbols, never a letter or digit.
    if (s.isEmpty() || Character.isLetterOrDigit(s.codePointAt(0))) {
      return 0;
    }
    Matcher m = PREFIX.matcher(s);
    return m.find() ? m.end() : 0;
  }

  /** The length of the suffix at the end of {@code s}, 0 when there is none. */
  static int suffixLength(String s) {
    // A suffix ending in a letter is a clitic, which has an apostrophe; none ends in a digit.
    if (s.isEmpty()
        || (Character.isLetterOrDigit(s.codePointBefore(s.length())) && !containsAny(s, "'\u2019"))) {
      return 0;
    }
    Matcher m = SUFFIX.matcher(s);
    return m.find() ? s.length() - m.start() : 0;
  }

  /** Whether {@code s} may hold an infix: each has one of these characters. */
  static boolean mayHaveInfixes(String s) {
    return containsAny(s, ".\u2026/-\u2010\u2013\u2014,;:");
  }

  /** A matcher of the infixes of {@code s}. */
  static Matcher infixes(String s) {
    return INFIX.matcher(s);
  }

  private static boolean containsAny(String s, String characters) {
    for (int i = 0; i < s.length(); i++) {
      if (characters.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsDigit(String s) {
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      if (Character.isDigit(s.codePointAt(i))) {
        return true;
      }
    }
    return false;
  }
}
