package dev.kiln.nn.bench;

import java.io.IOException;
import java.nio.file.Path;

/** Debian's Fashion-MNIST: images and labels of the training and test sets, as bytes. */
record FashionMnist(IdxFile trainImages, IdxFile trainLabels, IdxFile testImages,
    IdxFile testLabels) {
  static FashionMnist read(Path dir) throws IOException {
    return new FashionMnist(
        IdxFile.read(dir.resolve("train-images-idx3-ubyte.gz")),
        IdxFile.read(dir.resolve("train-labels-idx1-ubyte.gz")),
        IdxFile.read(dir.resolve("t10k-images-idx3-ubyte.gz")),
        IdxFile.read(dir.resolve("t10k-labels-idx1-ubyte.gz")));
  }
}
