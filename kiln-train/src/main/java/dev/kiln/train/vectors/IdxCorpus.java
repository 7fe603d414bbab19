package dev.kiln.train.vectors;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Images and labels from a pair of IDX files (Fashion-MNIST, MNIST) sharing a prefix: each image
 * flattened to its pixels, read as {@code value / 255}; each label a class id, named by
 * {@code labelNames} when given. The files are found and read on the first pass; each pass makes
 * fresh examples from them.
 *
 * <p>Its {@link #unlabeled} variant, for {@code kiln predict}, reads the images alone when there
 * is no labels file, and names each image by its file and index ({@code t10k-images-idx3-ubyte.gz#17}).
 */
final class IdxCorpus implements Corpus<Labeled> {
  private static final String IMAGES = "images-idx3-ubyte";
  private static final String LABELS = "labels-idx1-ubyte";

  private final Path prefix;
  private final int limit;
  private final List<String> labelNames;
  private final boolean forPrediction;
  /** The files as read on the first pass: IDX data is small and the dev set is read at every evaluation. */
  private Path images;
  private IdxFile pixelsRead;
  private Path labels;
  private IdxFile classesRead;

  IdxCorpus(Path prefix, int limit, List<String> labelNames) {
    this(prefix, limit, labelNames, false);
  }

  private IdxCorpus(Path prefix, int limit, List<String> labelNames, boolean forPrediction) {
    this.prefix = prefix;
    this.limit = limit;
    this.labelNames = List.copyOf(labelNames);
    this.forPrediction = forPrediction;
  }

  @Override
  public Corpus<Labeled> unlabeled() {
    return new IdxCorpus(prefix, limit, labelNames, true);
  }

  @Override
  public Iterable<Example<Labeled>> read() {
    if (pixelsRead == null) {
      images = IdxFile.find(prefix, IMAGES);
      pixelsRead = IdxFile.images(images);
      Optional<Path> labelsFile = forPrediction ? IdxFile.findIfAny(prefix, LABELS) : Optional.of(IdxFile.find(prefix, LABELS));
      labels = labelsFile.orElse(null);
      classesRead = labelsFile.map(IdxFile::labels).orElse(null);
    }
    IdxFile pixels = pixelsRead;
    IdxFile classes = classesRead;
    int count = pixels.dims()[0];
    if (classes != null && classes.dims()[0] != count) { // IdxFile.labels has checked it has one dimension
      throw new KilnException(ErrorCode.E234, images, count, labels, classes.dims()[0]);
    }
    int n = limit > 0 ? Math.min(limit, count) : count;
    int size = pixels.itemSize();
    ImageShape shape = pixels.imageShape(images);
    String imagesName = images.getFileName().toString();
    List<Example<Labeled>> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      FeatureVector image = new FeatureVector.Pixels(pixels.values(), i * size, size, shape);
      String label = classes == null ? null : labelName(classes.values()[i] & 0xFF, i);
      examples.add(forPrediction ? Labeled.example(image, label, imagesName + "#" + i) : Labeled.example(image, label));
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
