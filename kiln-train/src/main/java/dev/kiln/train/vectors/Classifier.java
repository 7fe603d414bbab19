package dev.kiln.train.vectors;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.losses.CategoricalCrossentropy;
import dev.kiln.nn.losses.LossResult;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.Distillable;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Example;
import dev.kiln.train.InputMatrices;
import dev.kiln.train.LabelCounts;
import dev.kiln.train.LabelSet;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Classifies feature vectors into one of the labels seen in training (or given by
 * {@code [initialize.components.NAME] labels}, which must then include every training label): a
 * model from the config (such as an MLP ending in a softmax) trained with categorical
 * cross-entropy. Scores {@code acc}, {@code macro_f} and per-class figures.
 */
public final class Classifier implements Distillable<Labeled>, ModelTrainable<Labeled>, Labelled<Labeled>, Annotator<Labeled>, Scorer<Labeled>, Checkpointable {
  private static final int SAMPLE = 64;
  private static final int ROWS_PER_TASK = 16;

  private final String name;
  private final Model<Floats, Floats> model;
  private final CategoricalCrossentropy loss = new CategoricalCrossentropy();
  private LabelSet labels = new LabelSet(List.of());
  /**
   * Input matrices by shape, reused while batch shapes repeat: training (128 rows, and the
   * epoch's last batch) and evaluation (chunks of 1,024 and the last chunk) take turns.
   */
  private final InputMatrices inputMatrices = new InputMatrices();
  private final UnknownLabels unknownLabels;
  /**
   * The shape of the images the model was initialized on, which every image it reads after must
   * have (saved as {@code image_shape.json}); null when it reads no images, or was saved before
   * kiln kept the shape.
   */
  private ImageShape trainedOn;

  public Classifier(String name, Model<Floats, Floats> model) {
    this.name = name;
    this.unknownLabels = new UnknownLabels(name);
    this.model = model;
  }

  @Override
  public Model<Floats, Floats> model() {
    return model;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> labels() {
    return labels.labels();
  }

  @Override
  public void initialize(Supplier<Iterable<Example<Labeled>>> examples, long seed, LabelSource source) {
    LabelCounts counts = new LabelCounts();
    List<Example<Labeled>> sample = new ArrayList<>();
    scan(examples.get(), source, counts, sample);
    labels = new LabelSet(source.choose(counts.labels()));
    initializeModel(sample, seed);
  }

  @Override
  public List<String> labelsIn(Iterable<Example<Labeled>> examples) {
    LabelCounts counts = new LabelCounts();
    scan(examples, LabelSource.fromData(), counts, new ArrayList<>());
    return LabelSource.fromData().choose(counts.labels());
  }

  /**
   * Counts the records of each label into {@code counts} and keeps the first records as
   * {@code sample}.
   *
   * @throws KilnException E254 for a record without a label, E261 for one whose label
   *     {@code source} does not include (else the first batch holding either fails with E231,
   *     naming no record)
   */
  private void scan(Iterable<Example<Labeled>> examples, LabelSource source, LabelCounts counts,
      List<Example<Labeled>> sample) {
    int number = 0;
    for (Example<Labeled> example : examples) {
      number++;
      String label = example.reference().label();
      if (label == null) {
        throw new KilnException(ErrorCode.E254, name, number);
      }
      if (!source.includes(label)) {
        throw new KilnException(ErrorCode.E261, name, number, label, source.origin());
      }
      counts.add(label);
      if (sample.size() < SAMPLE) {
        sample.add(example);
      }
    }
  }

  @Override
  public void update(List<Example<Labeled>> batch, double dropoutRate, LossTotals losses) {
    learn(batch, dropoutRate, losses, output -> loss.compute(output, labels.ids(batch, Labeled::label, name)));
  }

  /** Learns the teacher classifier's class probabilities (soft targets) for the batch. */
  @Override
  public void distill(Component<Labeled> teacher, List<Example<Labeled>> batch, double dropoutRate, LossTotals losses) {
    List<Labeled> records = new ArrayList<>(batch.size());
    batch.forEach(example -> records.add(example.predicted()));
    Floats targets = teacherOf(teacher).predict(records);
    learn(batch, dropoutRate, losses, output -> loss.compute(output, targets));
  }

  /** One training pass: forward with {@code dropoutRate}, the loss {@code lossOf} gives for the outputs, backward. */
  private void learn(List<Example<Labeled>> batch, double dropoutRate, LossTotals losses,
      Function<Floats, LossResult<Floats>> lossOf) {
    Dropout.setRates(model, dropoutRate);
    Floats x = inputs(batch);
    try {
      ForwardResult<Floats, Floats> result = model.beginUpdate(x);
      LossResult<Floats> computed = lossOf.apply(result.output());
      result.backprop().accumulate(computed.gradient());
      losses.add(name, computed.loss());
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  /** Takes the teacher's labels, in its order, so that outputs line up class for class. */
  @Override
  public void initializeFrom(Component<Labeled> teacher, Supplier<Iterable<Example<Labeled>>> examples, long seed) {
    List<Example<Labeled>> sample = new ArrayList<>();
    for (Example<Labeled> example : examples.get()) {
      sample.add(example);
      if (sample.size() == SAMPLE) {
        break;
      }
    }
    labels = teacherOf(teacher).labels;
    initializeModel(sample, seed);
  }

  private void initializeModel(List<Example<Labeled>> sample, long seed) {
    trainedOn = imageShapeOf(sample);
    Floats x = inputs(sample);
    try {
      model.initialize(x, Floats.zeros(x.rows(), labels.size()), Rng.derive(seed, name).nextLong());
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  /**
   * The shape of the sample's images (null when they are none), checked against the image shape
   * the model's first layer with an image height and width ({@code kiln.Reshape.v1}) reads rows
   * as: with the same pixel count (14×56 and 28×28) it would train on scrambled images without a
   * word.
   *
   * @throws KilnException E264 naming the images' file and both shapes
   */
  private ImageShape imageShapeOf(List<Example<Labeled>> sample) {
    ImageShape images = sample.isEmpty() ? null : sample.get(0).predicted().features().shape();
    if (images == null) {
      return null;
    }
    for (Model<?, ?> node : model.walk()) {
      if (node.attrs().get("height") instanceof Integer height && node.attrs().get("width") instanceof Integer width) {
        // Unset, kiln.Reshape.v1 takes as many channels as the rows' width gives.
        int channels = node.hasDim("channels") ? node.getDim("channels")
            : Math.max(1, images.height() * images.width() * images.channels() / (height * width));
        ImageShape read = new ImageShape(height, width, channels, node.name());
        if (!read.sameShape(images)) {
          throw new KilnException(ErrorCode.E264, name, images.source(), images.describe(), read.describe());
        }
        break;
      }
    }
    return images;
  }

  private Classifier teacherOf(Component<Labeled> teacher) {
    if (!(teacher instanceof Classifier classifier)) {
      throw new KilnException(ErrorCode.E241, name, teacher.name(), "a kiln.classifier");
    }
    return classifier;
  }

  @Override
  public List<Labeled> annotate(List<Labeled> records) {
    return ChunkedPrediction.annotate(records, this::predict,
        (record, scores) -> record.withPrediction(labels.best(scores), labels.scores(scores)));
  }

  @Override
  public Map<String, Object> score(List<Example<Labeled>> examples) {
    unknownLabels.check(examples, Labeled::label, labels.labels());
    return ClassificationScores.of(examples, labels.labels());
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return Map.of("acc", 1.0);
  }

  @Override
  public void save(Path folder) throws IOException {
    saveWeights(folder);
    labels.save(folder);
    if (trainedOn != null) {
      trainedOn.save(folder);
    }
  }

  @Override
  public void load(Path folder) throws IOException {
    labels = LabelSet.load(folder);
    trainedOn = ImageShape.load(folder).orElse(null);
    loadWeights(folder);
    checkOutputs(folder, labels.size(), "labels");
  }


  /** The model's outputs for {@code records}; safe to call from several threads at once. */
  private Floats predict(List<Labeled> records) {
    Floats x = features(records.size(), row -> records.get(row).features());
    try {
      return InputMatrices.detached(model.predict(x), x);
    } finally {
      inputMatrices.giveBack(x);
    }
  }

  /** The batch's features in a matrix taken from {@link #inputMatrices}, for the caller to give back. */
  private Floats inputs(List<Example<Labeled>> batch) {
    return features(batch.size(), row -> batch.get(row).predicted().features());
  }

  /** The rows' features in a matrix taken from {@link #inputMatrices}, for the caller to give back. */
  private Floats features(int rows, IntFunction<FeatureVector> featuresOf) {
    FeatureRows gathered = FeatureRows.gather(name, rows, featuresOf, trainedOn);
    int width = gathered.width();
    OptionalInt trainedWidth = model.maybeDim("nI");
    if (trainedWidth.isPresent() && trainedWidth.getAsInt() != width) {
      throw new KilnException(ErrorCode.E229, name, width, trainedWidth.getAsInt());
    }
    Floats inputs = inputMatrices.take(rows, width);
    float[] data = inputs.data();
    // Rows are independent; for images the copy (a byte-to-float lookup per pixel) is as long
    // as a small layer's forward pass, so it shares the pool like the layers do.
    Ops.get().pool().parallelFor(rows, ROWS_PER_TASK,
        (first, end) -> gathered.copyRows(data, first, end));
    return inputs;
  }
}
