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
 * Small generated tables and their configs for the tabular components: two numeric columns on
 * very different scales, a categorical column, an unused id column, missing values, a quoted
 * field, and (in the training file) one malformed row. Seeded: the same files every time.
 */
final class TabularFixture {
  private static final String[] SHAPES = {"round", "square", "long, thin"};

  private TabularFixture() {}

  /** Writes train.csv, dev.csv and config.cfg for {@code factory} into {@code dir}; returns the config. */
  static Path write(Path dir, String factory, boolean regression) throws IOException {
    writeData(dir.resolve("train.csv"), 400, 1, regression, true);
    writeData(dir.resolve("dev.csv"), 100, 2, regression, false);
    String output = regression ? "Linear.v1" : "Softmax.v1";
    Path config = dir.resolve("config.cfg");
    Files.writeString(config, String.join("\n",
        "[paths]",
        "train = \"" + dir.resolve("train.csv") + "\"",
        "dev = \"" + dir.resolve("dev.csv") + "\"",
        "",
        "[nlp]",
        "pipeline = [\"table\"]",
        "",
        "[components]",
        "",
        "[components.table]",
        "factory = \"" + factory + "\"",
        "",
        "[components.table.model]",
        "@layers = \"chain.v1\"",
        "",
        "[components.table.model.*.hidden]",
        "@layers = \"Relu.v1\"",
        "nO = 32",
        "dropout = 0.1",
        "",
        "[components.table.model.*.output]",
        "@layers = \"" + output + "\"",
        regression ? "nO = 1" : "",
        "",
        "[corpora]",
        "",
        "[corpora.train]",
        "@readers = \"kiln.Csv.v1\"",
        "path = ${paths.train}",
        "label = \"target\"",
        "columns = [\"size\", \"weight\"]",
        "categorical = [\"shape\"]",
        "on_bad_row = \"warn\"",
        "on_unused_column = \"ignore\"",
        "",
        "[corpora.dev]",
        "@readers = \"kiln.Csv.v1\"",
        "path = ${paths.dev}",
        "label = \"target\"",
        "categorical = [\"shape\"]",
        "",
        "[training]",
        "seed = 3",
        "dropout = 0.1",
        "max_epochs = 0",
        "max_steps = 300",
        "patience = 0",
        "eval_frequency = 50",
        "",
        "[training.batcher]",
        "@batchers = \"kiln.batch_by_sequence.v1\"",
        "size = 32",
        "",
        "[training.optimizer]",
        "@optimizers = \"Adam.v1\"",
        "learn_rate = 0.01",
        "",
        "[training.logger]",
        "@loggers = \"kiln.JsonlLogger.v1\"",
        ""));
    return config;
  }

  /**
   * The class is the shape's index plus one when size is large, modulo 3; the regression target
   * is a linear function of size, weight and shape. The training file also has an id column,
   * which the config leaves unused.
   */
  private static void writeData(Path file, int count, long seed, boolean regression, boolean withExtras)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add(withExtras ? "id,size,shape,weight,target" : "size,shape,weight,target");
    for (int i = 0; i < count; i++) {
      int shape = random.nextInt(3);
      double size = random.nextDouble() * 10;
      double weight = 1000 + random.nextDouble() * 500;
      String target = regression
          ? String.format(Locale.ROOT, "%.4f", 3 * size - 0.02 * weight + 8 * shape + random.nextDouble() * 0.5)
          : "k" + ((shape + (size > 5 ? 1 : 0)) % 3);
      String weightText = random.nextInt(20) == 0 ? "NA" : String.format(Locale.ROOT, "%.2f", weight);
      String row = String.format(Locale.ROOT, "%.3f,\"%s\",%s,%s", size, SHAPES[shape], weightText, target);
      lines.add(withExtras ? i + "," + row : row);
    }
    if (withExtras) {
      lines.add(7, "bad,1.0,round,not a number,k0");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
