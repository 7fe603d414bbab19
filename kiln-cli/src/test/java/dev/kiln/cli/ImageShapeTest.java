package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images of another shape than a model was trained on (or than its kiln.Reshape.v1 layer reads)
 * are a coded error naming the file and both shapes, at training, resume, evaluation and
 * prediction, even when the pixel counts agree (4×8 against 8×4).
 */
class ImageShapeTest {
  @TempDir Path dir;

  private Path idx(String prefix, int count, int height, int width, long seed) throws IOException {
    return idx(dir, prefix, count, height, width, seed);
  }

  /** Writes PREFIX-images-idx3-ubyte and PREFIX-labels-idx1-ubyte in {@code dir}: {@code count} random images of height × width. */
  static Path idx(Path dir, String prefix, int count, int height, int width, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(images);
    out.writeInt(0x0803);
    out.writeInt(count);
    out.writeInt(height);
    out.writeInt(width);
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) random.nextInt(2);
      for (int p = 0; p < height * width; p++) {
        out.writeByte(random.nextInt(256));
      }
    }
    Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.toByteArray());
    ByteArrayOutputStream labelFile = new ByteArrayOutputStream();
    DataOutputStream labelOut = new DataOutputStream(labelFile);
    labelOut.writeInt(0x0801);
    labelOut.writeInt(count);
    labelOut.write(labels);
    Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labelFile.toByteArray());
    return dir.resolve(prefix);
  }

  private Path config(boolean cnn) throws IOException {
    return config(dir, cnn);
  }

  /** An MLP classifier of IDX images in {@code dir}, or a CNN one whose kiln.Reshape.v1 reads rows as 4×8 images. */
  static Path config(Path dir, boolean cnn) throws IOException {
    String model = cnn
        ? String.join("\n",
            "[components.classifier.model.*.image]", "@layers = \"kiln.Reshape.v1\"", "height = 4", "width = 8", "",
            "[components.classifier.model.*.conv]", "@layers = \"kiln.Conv2d.v1\"", "nO = 2", "padding = 1", "",
            "[components.classifier.model.*.flat]", "@layers = \"kiln.Flatten.v1\"", "")
        : String.join("\n", "[components.classifier.model.*.hidden]", "@layers = \"Relu.v1\"", "nO = 8", "");
    Path config = dir.resolve(cnn ? "cnn.cfg" : "mlp.cfg");
    Files.writeString(config, String.join("\n",
        "[paths]", "train = \"" + dir.resolve("train") + "\"", "dev = \"" + dir.resolve("dev") + "\"", "",
        "[nlp]", "pipeline = [\"classifier\"]", "",
        "[components]", "",
        "[components.classifier]", "factory = \"kiln.image_classifier\"", "",
        "[components.classifier.model]", "@layers = \"chain.v1\"", "",
        model,
        "[components.classifier.model.*.output]", "@layers = \"Softmax.v1\"", "",
        "[corpora]", "",
        "[corpora.train]", "@readers = \"kiln.Idx.v1\"", "path = ${paths.train}", "",
        "[corpora.dev]", "@readers = \"kiln.Idx.v1\"", "path = ${paths.dev}", "",
        "[training]", "seed = 1", "max_epochs = 0", "max_steps = 6", "patience = 0", "eval_frequency = 3", "",
        "[training.batcher]", "@batchers = \"kiln.batch_by_sequence.v1\"", "size = 8", "",
        "[training.optimizer]", "@optimizers = \"Adam.v1\"", "learn_rate = 0.01", ""));
    return config;
  }

  private static void assertRefused(KilnRun run, String code, Path images, String found, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("[" + code + "] component classifier: " + images + "-images-idx3-ubyte holds images of "
        + found + " pixels (height×width×channels), but the model")
        .contains(expected).doesNotContain("\tat ").doesNotContain("Training failed");
  }

  @Test
  void aModelTrainedOn4x8ImagesRefusesImagesOfAnotherShapeWhenItEvaluatesPredictsOrResumes() throws IOException {
    idx("train", 40, 4, 8, 1);
    idx("dev", 10, 4, 8, 2);
    Path sameCount = idx("wide", 10, 8, 4, 3);
    Path larger = idx("large", 10, 6, 6, 4);
    Path output = dir.resolve("run");
    KilnRun trained = KilnRun.of("train", config(false).toString(), "--output", output.toString());
    assertThat(trained.exit()).as(trained.err()).isZero();
    Path model = output.resolve("model-last");

    for (Path images : new Path[] {sameCount, larger}) {
      String found = images == sameCount ? "8×4×1" : "6×6×1";
      assertRefused(KilnRun.of("evaluate", model.toString(), images.toString()), "E263", images, found,
          "was trained on images of 4×8×1");
      assertRefused(KilnRun.of("predict", model.toString(), images.toString()), "E263", images, found,
          "was trained on images of 4×8×1");
    }

    byte[] weights = Files.readAllBytes(model.resolve("classifier/weights.safetensors"));
    KilnRun resumed = KilnRun.of("train", config(false).toString(), "--output", output.toString(), "--resume-force",
        "--paths.train", sameCount.toString(), "--training.max_steps", "9");
    assertRefused(resumed, "E263", sameCount, "8×4×1", "was trained on images of 4×8×1");
    assertThat(model.resolve("classifier/weights.safetensors")).hasBinaryContent(weights);

    // A dev set of another shape is refused before the first step, and the previous run's models stay.
    KilnRun again = KilnRun.of("train", config(false).toString(), "--output", output.toString(),
        "--paths.dev", sameCount.toString());
    assertRefused(again, "E263", sameCount, "8×4×1", "was trained on images of 4×8×1");
    assertThat(model.resolve("classifier/weights.safetensors")).hasBinaryContent(weights);
  }

  @Test
  void imagesOfAnotherShapeThanTheReshapeLayerReadsAreRefusedBeforeTraining() throws IOException {
    idx("dev", 10, 4, 8, 2);
    for (int[] shape : new int[][] {{8, 4}, {6, 6}}) {
      Path train = idx("train", 40, shape[0], shape[1], 1);
      KilnRun run = KilnRun.of("train", config(true).toString(), "--output", dir.resolve("cnn").toString());
      assertRefused(run, "E264", train, shape[0] + "×" + shape[1] + "×1",
          "kiln.Reshape.v1 layer reads each row as an image of 4×8×1");
    }
    idx("train", 40, 4, 8, 1);
    KilnRun fits = KilnRun.of("train", config(true).toString(), "--output", dir.resolve("cnn").toString());
    assertThat(fits.exit()).as(fits.err()).isZero();
    assertThat(dir.resolve("cnn/model-last/classifier/image_shape.json")).content()
        .isEqualTo("{\"height\":4,\"width\":8,\"channels\":1}");
  }
}
