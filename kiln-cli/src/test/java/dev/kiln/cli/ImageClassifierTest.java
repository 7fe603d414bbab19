package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CNN image classifier end to end: PNG folders written here, {@code kiln train} with
 * {@code kiln.ImageFolder.v1} and {@code kiln.image_classifier}, then {@code kiln evaluate} on
 * the saved model, which must load every convolutional layer back.
 */
class ImageClassifierTest {
  private static final int SIDE = 8;

  @TempDir Path dir;

  /** Noisy 8×8 grey images of one bright horizontal or vertical bar at a random place. */
  private void writeImages(Path root, int perClass, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    for (String label : new String[] {"horizontal", "vertical"}) {
      Files.createDirectories(root.resolve(label));
      for (int i = 0; i < perClass; i++) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        int bar = random.nextInt(SIDE);
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            boolean on = label.equals("horizontal") ? y == bar : x == bar;
            image.getRaster().setSample(x, y, 0, (on ? 200 : 0) + random.nextInt(50));
          }
        }
        ImageIO.write(image, "png", root.resolve(label).resolve(String.format("%03d.png", i))
            .toFile());
      }
    }
  }

  private Path config() throws IOException {
    Path config = dir.resolve("config.cfg");
    Files.writeString(config, String.join("\n",
        "[paths]",
        "train = \"" + dir.resolve("train") + "\"",
        "dev = \"" + dir.resolve("dev") + "\"",
        "",
        "[nlp]",
        "pipeline = [\"classifier\"]",
        "",
        "[components]",
        "",
        "[components.classifier]",
        "factory = \"kiln.image_classifier\"",
        "",
        "[components.classifier.model]",
        "@layers = \"chain.v1\"",
        "",
        "[components.classifier.model.*.image]",
        "@layers = \"kiln.Reshape.v1\"",
        "height = " + SIDE,
        "width = " + SIDE,
        "",
        "[components.classifier.model.*.conv]",
        "@layers = \"kiln.Conv2d.v1\"",
        "nO = 4",
        "padding = 1",
        "",
        "[components.classifier.model.*.pool]",
        "@layers = \"kiln.MaxPool2d.v1\"",
        "",
        "[components.classifier.model.*.flat]",
        "@layers = \"kiln.Flatten.v1\"",
        "",
        "[components.classifier.model.*.output]",
        "@layers = \"Softmax.v1\"",
        "",
        "[corpora]",
        "",
        "[corpora.train]",
        "@readers = \"kiln.ImageFolder.v1\"",
        "path = ${paths.train}",
        "width = " + SIDE,
        "height = " + SIDE,
        "",
        "[corpora.dev]",
        "@readers = \"kiln.ImageFolder.v1\"",
        "path = ${paths.dev}",
        "width = " + SIDE,
        "height = " + SIDE,
        "",
        "[training]",
        "seed = 3",
        "max_epochs = 0",
        "max_steps = 80",
        "patience = 0",
        "eval_frequency = 40",
        "",
        "[training.batcher]",
        "@batchers = \"kiln.batch_by_sequence.v1\"",
        "size = 16",
        "",
        "[training.optimizer]",
        "@optimizers = \"Adam.v1\"",
        "learn_rate = 0.01",
        ""));
    return config;
  }

  @Test
  void theFashionMnistCnnExampleTrainsOnTheSmallSubset() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    KilnRun train = KilnRun.of("train", root.resolve("examples/fashion-mnist/config-cnn.cfg")
        .toString(), "--output", dir.resolve("run").toString(), "--paths.data",
        root.resolve("examples/fashion-mnist-small/data").toString(), "--training.max_steps", "4",
        "--training.eval_frequency", "4", "--corpora.dev.limit", "200");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("Stopped: max_steps: step 4");
    assertThat(dir.resolve("run/model-last/classifier/weights.safetensors")).exists();
  }

  @Test
  void aCnnTrainedOnImageFoldersIsSavedLoadedAndScored() throws IOException {
    writeImages(dir.resolve("train"), 100, 1);
    writeImages(dir.resolve("dev"), 30, 2);
    Path output = dir.resolve("run");
    KilnRun train = KilnRun.of("train", config().toString(), "--output", output.toString());
    assertThat(train.exit()).as(train.err()).isZero();

    Path metrics = dir.resolve("metrics.json");
    KilnRun evaluate = KilnRun.of("evaluate", output.resolve("model-last").toString(),
        dir.resolve("dev").toString(), "--output", metrics.toString());
    assertThat(evaluate.exit()).as(evaluate.err()).isZero();
    JsonNode scores = new ObjectMapper().readTree(Files.readString(metrics));
    assertThat(scores.get("acc").asDouble()).isGreaterThan(0.9);
    assertThat(scores.at("/f_per_type/vertical").isObject()).isTrue();

    KilnRun predict = KilnRun.of("predict", output.resolve("model-last").toString(), dir.resolve("dev").toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    List<String> lines = predict.out().lines().toList();
    assertThat(lines).hasSize(60);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("source").asText()).isEqualTo("horizontal/000.png");
    TabularTrainingTest.assertScoresKeyedByClass(first, List.of("horizontal", "vertical"));

    // Read at 4×16, the images have as many pixels as at 8×8, and the model would score noise.
    KilnRun resized = KilnRun.of("evaluate", output.resolve("model-last").toString(), dir.resolve("dev").toString(),
        "--corpora.dev.width", "16", "--corpora.dev.height", "4");
    assertThat(resized.exit()).as(resized.err()).isEqualTo(2);
    assertThat(resized.err()).startsWith("[E263] component classifier: " + dir.resolve("dev")
        + " holds images of 4×16×1 pixels (height×width×channels), but the model was trained on images of 8×8×1");
  }
}
