package dev.kiln.train.vectors;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.Registered;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.train.Augmenter;
import dev.kiln.train.Corpus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The registered readers and component of feature-vector classification. */
public final class VectorRegistry {
  private VectorRegistry() {}

  /**
   * Images and labels from a pair of IDX files named as MNIST's are: {@code path} is their
   * common prefix ({@code .../train} for {@code train-images-idx3-ubyte.gz} and
   * {@code train-labels-idx1-ubyte.gz}); gzipped or not.
   */
  @Registered(category = "readers", name = "kiln.Idx.v1")
  public static Corpus<Labeled> idx(Path path, @Default("0") int limit, @Default("[]") List<String> label_names) {
    Set<String> seen = new HashSet<>();
    for (String name : label_names) {
      if (!seen.add(name)) {
        throw new RejectedArgument("label_names", ErrorCode.E238, name);
      }
    }
    return new IdxCorpus(path, Corpus.limit(limit), label_names);
  }

  /** {@code {"features": [...], "label": "..."}} per line. */
  @Registered(category = "readers", name = "kiln.LabeledJsonl.v1")
  public static Corpus<Labeled> labeledJsonl(Path path, @Default("0") int limit) {
    return new LabeledJsonlCorpus(path, Corpus.limit(limit));
  }

  /** Gaussian noise of {@code sigma} on the features of a share {@code level} of training examples. */
  @Registered(category = "augmenters", name = "kiln.feature_noise.v1")
  public static Augmenter<Labeled> featureNoise(@Default("0.1") double sigma, @Default("1.0") double level) {
    return new FeatureNoise(sigma, level);
  }

  /** A classifier of feature vectors ({@code factory = "kiln.classifier"} in [components]). */
  @Registered(category = "factories", name = "kiln.classifier.v1")
  public static Classifier classifier(String name, Model<Floats, Floats> model) {
    return new Classifier(name, model);
  }
}
