package dev.kiln.train.images;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.train.Corpus;
import dev.kiln.train.ProblemPolicy;
import dev.kiln.train.vectors.Classifier;
import dev.kiln.train.vectors.Labeled;
import java.nio.file.Path;

/** The registered reader and component of image classification. */
public final class ImageRegistry {
  private ImageRegistry() {}

  /**
   * Images from a folder with one sub-folder per class, read as 8-bit pixels of
   * {@code width × height} in row-major order with channels interleaved (HWC).
   *
   * @param path the folder holding one sub-folder per class
   * @param width pixels per row every image is read at
   * @param height rows every image is read at
   * @param grayscale one grey channel when true, else three (RGB)
   * @param resize resize images of another size (bilinear); when false they are an error
   * @param limit read at most this many image files (0: all), taken in turn from each class
   * @param onBadImage {@code error}, or {@code warn}/{@code ignore} to skip images that cannot be
   *     read (counted; a skipped file still counts towards {@code limit})
   */
  @Registered(category = "readers", name = "kiln.ImageFolder.v1")
  public static Corpus<Labeled> imageFolder(Path path, int width, int height,
      @Default("true") boolean grayscale, @Default("true") boolean resize,
      @Default("0") int limit, @Name("on_bad_image") @Default("\"error\"") ProblemPolicy onBadImage) {
    return new ImageFolderCorpus(path, new ImageSize(width, height, grayscale, resize), Corpus.limit(limit), onBadImage);
  }

  /**
   * A classifier of images ({@code factory = "kiln.image_classifier"} in [components]): the
   * feature-vector classifier, fed a batch as rows of pixels; a CNN model starts with
   * {@code kiln.Reshape.v1} to see them as images.
   */
  @Registered(category = "factories", name = "kiln.image_classifier.v1")
  public static Classifier imageClassifier(String name, Model<Floats, Floats> model) {
    return new Classifier(name, model);
  }
}
