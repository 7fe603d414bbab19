package dev.kiln.nn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Debian's Fashion-MNIST: images and labels of the training and test sets, as bytes. */
record FashionMnist(IdxFile trainImages, IdxFile trainLabels, IdxFile testImages,
    IdxFile testLabels) {
  /** The class names, by the label digit of the IDX files (examples/fashion-mnist/config.cfg). */
  static final List<String> LABEL_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  static FashionMnist read(Path dir) throws IOException {
    return new FashionMnist(
        IdxFile.read(dir.resolve("train-images-idx3-ubyte.gz")),
        IdxFile.read(dir.resolve("train-labels-idx1-ubyte.gz")),
        IdxFile.read(dir.resolve("t10k-images-idx3-ubyte.gz")),
        IdxFile.read(dir.resolve("t10k-labels-idx1-ubyte.gz")));
  }

  /**
   * The class index of every label in {@code labels}, numbered as {@code kiln.classifier} numbers
   * them: its classes are the label names in sorted order ("Ankle boot" is 0, the digit 9).
   */
  static int[] classes(IdxFile labels) {
    List<String> sorted = LABEL_NAMES.stream().sorted().toList();
    byte[] digits = labels.data();
    int[] classes = new int[digits.length];
    for (int i = 0; i < digits.length; i++) {
      classes[i] = sorted.indexOf(LABEL_NAMES.get(digits[i]));
    }
    return classes;
  }
}
