package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small generated classification task and its config: three Gaussian blobs in 12 dimensions,
 * an MLP with dropout, Adam with averages, evaluation every few steps. Seeded: the same files
 * every time.
 */
final class TrainingFixture {
  private TrainingFixture() {}

  /** Writes train.jsonl, dev.jsonl and config.cfg into {@code dir}; returns the config. */
  static Path write(Path dir, int evalFrequency, int maxSteps) throws IOException {
    writeData(dir.resolve("train.jsonl"), 600, 1);
    writeData(dir.resolve("dev.jsonl"), 150, 2);
    Path config = dir.resolve("config.cfg");
    Files.writeString(config, String.join("\n",
        "[paths]",
        "train = \"" + dir.resolve("train.jsonl") + "\"",
        "dev = \"" + dir.resolve("dev.jsonl") + "\"",
        "",
        "[nlp]",
        "pipeline = [\"classifier\"]",
        "",
        "[components]",
        "",
        "[components.classifier]",
        "factory = \"kiln.classifier\"",
        "",
        "[components.classifier.model]",
        "@layers = \"chain.v1\"",
        "",
        "[components.classifier.model.*.hidden]",
        "@layers = \"Relu.v1\"",
        "nO = 32",
        "dropout = 0.1",
        "",
        "[components.classifier.model.*.output]",
        "@layers = \"Softmax.v1\"",
        "",
        "[corpora]",
        "",
        "[corpora.train]",
        "@readers = \"kiln.LabeledJsonl.v1\"",
        "path = ${paths.train}",
        "",
        "[corpora.dev]",
        "@readers = \"kiln.LabeledJsonl.v1\"",
        "path = ${paths.dev}",
        "",
        "[training]",
        "seed = 7",
        "dropout = 0.1",
        "max_epochs = 0",
        "max_steps = " + maxSteps,
        "patience = 0",
        "eval_frequency = " + evalFrequency,
        "",
        "[training.batcher]",
        "@batchers = \"kiln.batch_by_sequence.v1\"",
        "size = 32",
        "",
        "[training.optimizer]",
        "@optimizers = \"Adam.v1\"",
        "learn_rate = 0.01",
        "use_averages = true",
        "",
        "[training.logger]",
        "@loggers = \"kiln.ChainLogger.v1\"",
        "",
        "[training.logger.*.console]",
        "@loggers = \"kiln.ConsoleLogger.v1\"",
        "",
        "[training.logger.*.jsonl]",
        "@loggers = \"kiln.JsonlLogger.v1\"",
        ""));
    return config;
  }

  private static void writeData(Path file, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(3);
      StringBuilder features = new StringBuilder();
      for (int f = 0; f < 12; f++) {
        double center = f % 3 == label ? 1.5 : 0.0;
        features.append(f == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", center + gaussian(random)));
      }
      lines.add("{\"features\": [" + features + "], \"label\": \"c" + label + "\"}");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
