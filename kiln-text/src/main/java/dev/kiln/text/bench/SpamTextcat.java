package dev.kiln.text.bench;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.nn.optimizers.OptimizerOptions;
import dev.kiln.text.Doc;
import dev.kiln.text.TextRegistry;
import dev.kiln.text.textcat.TextCategorizer;
import dev.kiln.text.textcat.TextcatRegistry;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The kiln side of {@code bench/spam-textcat}: trains the bag-of-n-grams and the CNN text
 * classifier on the full SpamAssassin corpus and prints, per architecture, a line
 * {@code RESULT side=kiln arch=... words_per_s=... macro_f=...}. Words are the tokens of kiln's
 * tokenizer; with {@code --tokens-out DIR} they are also written for the Thinc peer.
 */
public final class SpamTextcat {
  private SpamTextcat() {}

  public static void main(String[] args) throws IOException {
    SpamOptions options = SpamOptions.parse(args);
    List<Example<Doc>> train = read(options.data().resolve("train.jsonl"));
    if (options.limit() > 0 && options.limit() < train.size()) {
      train = train.subList(0, options.limit());
    }
    List<Example<Doc>> dev = read(options.data().resolve("dev.jsonl"));
    System.out.printf(Locale.ROOT, "train: %d messages, %d words; dev: %d messages, %d words%n",
        train.size(), words(train), dev.size(), words(dev));
    if (options.tokensOut() != null) {
      TokenFeatures.write(train, options.tokensOut().resolve("train.tokens.jsonl"));
      TokenFeatures.write(dev, options.tokensOut().resolve("dev.tokens.jsonl"));
    }
    for (String arch : options.architectures()) {
      run(arch, options, train, dev);
    }
  }

  private static void run(String arch, SpamOptions options, List<Example<Doc>> train, List<Example<Doc>> dev) {
    TextCategorizer textcat = TextcatRegistry.textcat("textcat", model(SpamArchitectures.config(arch)), null, 0.0);
    textcat.initialize(() -> train, options.seed());
    Adam adam = new Adam(options.learnRate(), OptimizerOptions.defaults().withGradClip(0.0).withAverages(false));
    LossTotals losses = new LossTotals();
    List<Example<Doc>> order = new ArrayList<>(train);
    long words = 0;
    long nanos = 0;
    List<Double> perEpoch = new ArrayList<>();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      Collections.shuffle(order, new Random(options.seed() * 1000 + epoch));
      long epochWords = 0;
      long start = System.nanoTime();
      for (int i = 0; i < order.size(); i += options.batchSize()) {
        List<Example<Doc>> batch = order.subList(i, Math.min(order.size(), i + options.batchSize()));
        textcat.update(batch, 0.0, losses);
        textcat.finishUpdate(adam);
        for (Example<Doc> example : batch) {
          epochWords += example.predicted().length();
        }
      }
      long elapsed = System.nanoTime() - start;
      words += epochWords;
      nanos += elapsed;
      perEpoch.add(epochWords / (elapsed / 1e9));
      System.out.printf(Locale.ROOT, "kiln %s epoch %d: %.0f words/s, loss %.3f%n",
          arch, epoch, epochWords / (elapsed / 1e9), losses.get("textcat"));
      losses.clear();
    }
    double macroF = (double) score(textcat, dev).get("cats_macro_f");
    System.out.printf(Locale.ROOT, "RESULT side=kiln arch=%s words_per_s=%.0f later_epochs_words_per_s=%.0f macro_f=%.4f train_s=%.2f%n",
        arch, words / (nanos / 1e9), laterEpochsMedian(perEpoch), macroF, nanos / 1e9);
  }

  /** The median speed of epochs 2..N (the first includes the JIT's warm-up), or epoch 1's alone. */
  private static double laterEpochsMedian(List<Double> perEpoch) {
    List<Double> later = new ArrayList<>(perEpoch.size() > 1 ? perEpoch.subList(1, perEpoch.size()) : perEpoch);
    Collections.sort(later);
    int n = later.size();
    return n % 2 == 1 ? later.get(n / 2) : (later.get(n / 2 - 1) + later.get(n / 2)) / 2;
  }

  private static Map<String, Object> score(TextCategorizer textcat, List<Example<Doc>> dev) {
    List<Doc> predicted = textcat.annotate(dev.stream().map(Example::predicted).toList());
    List<Example<Doc>> scored = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      scored.add(new Example<>(predicted.get(i), dev.get(i).reference()));
    }
    return textcat.score(scored);
  }

  @SuppressWarnings("unchecked")
  private static Model<List<Doc>, Floats> model(String config) {
    Map<String, Object> resolved = Resolver.resolve(Config.parse(config, "spam-textcat").interpolate().root(), Registries.load());
    return (Model<List<Doc>, Floats>) resolved.get("model");
  }

  private static List<Example<Doc>> read(Path file) {
    List<Example<Doc>> examples = new ArrayList<>();
    TextRegistry.textJsonl(file, 0).read().forEach(examples::add);
    return examples;
  }

  private static long words(List<Example<Doc>> examples) {
    return examples.stream().mapToLong(example -> example.predicted().length()).sum();
  }
}
