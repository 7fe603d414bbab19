package dev.kiln.train.vectors;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Images and labels from a pair of IDX files (Fashion-MNIST, MNIST): each image flattened to
 * its pixels, read as {@code value / 255}; each label a class id, named by {@code labelNames}
 * when given. The files are read once; each pass makes fresh examples from them.
 */
final class IdxCorpus implements Corpus<Labeled> {
  private final Path images;
  private final Path labels;
  private final int limit;
  private final List<String> labelNames;
  /** The files as read on the first pass: IDX data is small and the dev set is read at every evaluation. */
  private IdxFile pixelsRead;
  private IdxFile classesRead;

  IdxCorpus(Path images, Path labels, int limit, List<String> labelNames) {
    this.images = images;
    this.labels = labels;
    this.limit = limit;
    this.labelNames = List.copyOf(labelNames);
  }

  @Override
  public Iterable<Example<Labeled>> read() {
    if (pixelsRead == null) {
      pixelsRead = IdxFile.read(images);
      classesRead = IdxFile.read(labels);
    }
    IdxFile pixels = pixelsRead;
    IdxFile classes = classesRead;
    int count = pixels.dims()[0];
    if (classes.dims().length != 1 || classes.dims()[0] != count) {
      throw new KilnException(ErrorCode.E234, images, count, labels, classes.dims()[0]);
    }
    int n = limit > 0 ? Math.min(limit, count) : count;
    int size = pixels.itemSize();
    List<Example<Labeled>> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      FeatureVector image = new FeatureVector.Pixels(pixels.values(), i * size, size);
      examples.add(Labeled.example(image, labelName(classes.values()[i] & 0xFF, i)));
    }
    return examples;
  }

  private String labelName(int id, int item) {
    if (labelNames.isEmpty()) {
      return Integer.toString(id);
    }
    if (id >= labelNames.size()) {
      throw new KilnException(ErrorCode.E235, labels, item, id, labelNames.size());
    }
    return labelNames.get(id);
  }
}
