package dev.kiln.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for a name the user got wrong: the known names closest to it by edit distance,
 * and other versions of the same versioned name ({@code Adam.v3} suggests {@code Adam.v1}).
 */
public final class Suggestions {
  /** At most this many suggestions are offered; more would bury the right one. */
  private static final int MAX_SUGGESTIONS = 3;

  private Suggestions() {}

  /**
   * The known names that {@code wrong} was probably meant to be, closest first: names at most a
   * third of their length (and at least 2 edits) away, ignoring case, and names that differ only
   * in their {@code .vN} version.
   */
  public static List<String> similar(String wrong, Collection<String> known) {
    String target = wrong.toLowerCase(Locale.ROOT);
    String base = withoutVersion(target);
    List<String> matches = new ArrayList<>();
    for (String candidate : known) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      if (lower.equals(target)) {
        matches.add(candidate);
      } else if (distance(target, lower) <= allowedEdits(candidate)
          || (!base.isEmpty() && withoutVersion(lower).equals(base))) {
        matches.add(candidate);
      }
    }
    matches.sort(
        Comparator.<String>comparingInt(c -> distance(target, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()));
    return List.copyOf(matches.subList(0, Math.min(MAX_SUGGESTIONS, matches.size())));
  }

  /**
   * The suggestion as a sentence to append to a message, with a leading space
   * ({@code " Did you mean \"Adam.v1\"?"}), or the empty string when nothing is close.
   */
  public static String didYouMean(String wrong, Collection<String> known) {
    List<String> similar = similar(wrong, known);
    if (similar.isEmpty()) {
      return "";
    }
    List<String> quoted = similar.stream().map(s -> "\"" + s + "\"").toList();
    return " Did you mean " + String.join(" or ", quoted) + "?";
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static int allowedEdits(String candidate) {
    return Math.max(2, candidate.length() / 3);
  }

  /** {@code adam.v1} without its version: {@code adam}; names without a version stay whole. */
  private static String withoutVersion(String name) {
    return name.replaceFirst("\\.v\\d+$", "");
  }
}
