package dev.kiln.text.textcat;

import dev.kiln.nn.Rng;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small generated corpora with known rules: exclusive {@code POS}/{@code NEG} by which of two
 * word sets a text uses more, and multilabel {@code X}/{@code Y} by whether it holds a word of
 * each set.
 */
final class GeneratedCats {
  private static final String[] POSITIVE = {"great", "fine", "lovely", "superb", "happy", "bright", "calm", "kind"};
  private static final String[] NEGATIVE = {"awful", "poor", "sad", "broken", "grim", "dull", "angry", "cold"};
  private static final String[] NEUTRAL = {"the", "a", "table", "walk", "river", "paper", "seven", "blue",
      "house", "road", "tree", "chair", "green", "stone", "window", "light"};

  private GeneratedCats() {}

  static List<Example<Doc>> exclusive(int n, long seed) {
    Rng rng = new Rng(seed);
    Tokenizer tokenizer = new Tokenizer();
    List<Example<Doc>> examples = new ArrayList<>();
    while (examples.size() < n) {
      int positive = rng.nextInt(4);
      int negative = rng.nextInt(4);
      if (positive == negative) {
        continue;
      }
      String text = text(rng, List.of(sample(rng, POSITIVE, positive), sample(rng, NEGATIVE, negative)));
      double isPositive = positive > negative ? 1.0 : 0.0;
      examples.add(example(tokenizer, text, Map.of("POS", isPositive, "NEG", 1 - isPositive)));
    }
    return examples;
  }

  static List<Example<Doc>> multilabel(int n, long seed) {
    Rng rng = new Rng(seed);
    Tokenizer tokenizer = new Tokenizer();
    List<Example<Doc>> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean x = rng.nextInt(2) == 1;
      boolean y = rng.nextInt(2) == 1;
      String text = text(rng, List.of(sample(rng, POSITIVE, x ? 1 + rng.nextInt(2) : 0),
          sample(rng, NEGATIVE, y ? 1 + rng.nextInt(2) : 0)));
      examples.add(example(tokenizer, text, Map.of("X", x ? 1.0 : 0.0, "Y", y ? 1.0 : 0.0)));
    }
    return examples;
  }

  private static List<String> sample(Rng rng, String[] words, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(words[rng.nextInt(words.length)]);
    }
    return out;
  }

  /** The signal words shuffled among three to eight neutral ones. */
  private static String text(Rng rng, List<List<String>> signals) {
    List<String> words = new ArrayList<>(sample(rng, NEUTRAL, 3 + rng.nextInt(6)));
    for (List<String> group : signals) {
      for (String word : group) {
        words.add(rng.nextInt(words.size() + 1), word);
      }
    }
    return String.join(" ", words);
  }

  private static Example<Doc> example(Tokenizer tokenizer, String text, Map<String, Double> cats) {
    Doc doc = tokenizer.tokenize(text);
    return new Example<>(doc, doc.withCats(new LinkedHashMap<>(cats)));
  }
}
