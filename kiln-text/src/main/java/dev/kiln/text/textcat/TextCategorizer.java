package dev.kiln.text.textcat;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.text.Doc;
import dev.kiln.text.MissingGold;
import dev.kiln.text.tok2vec.Tok2VecListener;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Example;
import dev.kiln.train.LabelCounts;
import dev.kiln.train.LabelSet;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.PipelineLinked;
import dev.kiln.train.Scorer;
import dev.kiln.train.vectors.UnknownLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * spaCy's {@code textcat} (one class per document) and {@code textcat_multilabel} (any number):
 * sets {@code Doc.cats} to the class scores of a model from the config, learns from the
 * reference {@code cats}, and scores with spaCy's {@code cats_*} names. A label that a reference
 * document's cats leave out is 0 for {@code textcat} and unknown for {@code textcat_multilabel},
 * which then neither learns nor scores it on that document (spaCy's
 * {@code support_missing_values}). Its labels are the categories of the training data, or those
 * given by {@code [initialize.components.NAME] labels}; a category of the data outside given
 * labels is not learnt (with a warning at initialize), as spaCy leaves it to another classifier.
 */
public final class TextCategorizer
    implements ModelTrainable<Doc>, Labelled<Doc>, Annotator<Doc>, Scorer<Doc>, Checkpointable, PipelineLinked<Doc> {
  private static final int SAMPLE = 64;
  /** Documents predicted together: a CNN's token activations for 1,024 e-mails outgrow a 1 GB heap. */
  private static final int CHUNK = 128;

  private final String name;
  private final MissingGold missingGold;
  private final UnknownLabels unknownLabels;
  private final Model<List<Doc>, Floats> model;
  private final boolean exclusive;
  private final double threshold;
  private final String positiveLabel;
  private LabelSet labels = new LabelSet(List.of());
  /** The pipeline's other text classifiers, whose labels the reference cats may hold too. */
  private List<TextCategorizer> neighbours = List.of();

  TextCategorizer(String name, Model<List<Doc>, Floats> model, boolean exclusive, double threshold, String positiveLabel) {
    this.name = name;
    this.missingGold = new MissingGold(name, "cats", doc -> !doc.cats().isEmpty());
    this.unknownLabels = new UnknownLabels(name);
    this.model = model;
    this.exclusive = exclusive;
    this.threshold = threshold;
    this.positiveLabel = positiveLabel;
  }

  @Override
  public Model<List<Doc>, Floats> model() {
    return model;
  }

  @Override
  public String name() {
    return name;
  }

  /** Connects any tok2vec listener in the model ({@code spacy.Tok2VecListener.v1}) to its tok2vec. */
  @Override
  public void link(List<Component<Doc>> pipeline) {
    Tok2VecListener.linkAll(name, model, pipeline);
    List<TextCategorizer> others = new ArrayList<>();
    for (Component<Doc> component : pipeline) {
      if (component instanceof TextCategorizer other && other != this) {
        others.add(other);
      }
    }
    neighbours = List.copyOf(others);
  }

  @Override
  public List<String> listensTo() {
    return Tok2VecListener.sourcesIn(model);
  }

  @Override
  public List<String> labels() {
    return labels.labels();
  }

  @Override
  public void initialize(Supplier<Iterable<Example<Doc>>> examples, long seed, LabelSource source) {
    LabelCounts counts = new LabelCounts();
    List<Doc> sample = new ArrayList<>();
    scan(examples.get(), source, counts, sample);
    labels = new LabelSet(source.choose(counts.labels()));
    counts.warnOutside(name, source, "document", "documents",
        "It does not learn them, as in spaCy: they may be another text classifier's.");
    model.initialize(sample, Floats.zeros(sample.size(), labels.size()), Rng.derive(seed, name).nextLong());
  }

  @Override
  public List<String> labelsIn(Iterable<Example<Doc>> examples) {
    LabelCounts counts = new LabelCounts();
    scan(examples, LabelSource.fromData(), counts, new ArrayList<>());
    return LabelSource.fromData().choose(counts.labels());
  }

  /**
   * Counts the documents of each category into {@code counts} and keeps the first documents as
   * {@code sample}, checking each document as it goes.
   *
   * @throws KilnException E327 for a document of an exclusive classifier with several true categories among its
   *     labels, E326 when no document has categories
   */
  private void scan(Iterable<Example<Doc>> examples, LabelSource source, LabelCounts counts, List<Doc> sample) {
    int number = 0;
    for (Example<Doc> example : examples) {
      number++;
      Map<String, Double> cats = example.reference().cats();
      if (exclusive) {
        requireOneTrueCategory(cats, number, source);
      }
      cats.keySet().forEach(counts::add);
      if (sample.size() < SAMPLE) {
        sample.add(example.predicted());
      }
    }
    if (counts.isEmpty()) {
      throw new KilnException(ErrorCode.E326, name);
    }
  }

  /**
   * spaCy's E895: an exclusive classifier's document may have one category of 1.0, not more.
   * Categories outside given labels do not count: they may be another classifier's.
   */
  private void requireOneTrueCategory(Map<String, Double> cats, int number, LabelSource source) {
    long trueCategories = cats.entrySet().stream()
        .filter(cat -> cat.getValue() == 1.0 && source.includes(cat.getKey())).count();
    if (trueCategories > 1) {
      throw new KilnException(ErrorCode.E327, name, number, trueCategories, new TreeMap<>(cats));
    }
  }

  @Override
  public void update(List<Example<Doc>> batch, double dropout, LossTotals losses) {
    Dropout.setRates(model, dropout);
    List<Doc> docs = new ArrayList<>(batch.size());
    batch.forEach(example -> docs.add(example.predicted()));
    ForwardResult<List<Doc>, Floats> result = model.beginUpdate(docs);
    float[] scores = result.output().data();
    int n = labels.size();
    Floats gradient = Floats.zeros(batch.size(), n);
    float[] d = gradient.data();
    double loss = 0;
    for (int row = 0; row < batch.size(); row++) {
      Map<String, Double> gold = batch.get(row).reference().cats();
      for (int o = 0; o < n; o++) {
        double truth = CatsScores.truth(gold, labels.labels().get(o), exclusive);
        if (Double.isNaN(truth)) {
          continue; // unknown, as in spaCy's textcat_multilabel: a document annotated for another component only
        }
        double diff = scores[row * n + o] - truth;
        d[row * n + o] = (float) diff;
        loss += diff * diff;
      }
    }
    result.backprop().accumulate(gradient);
    // spaCy's get_loss: the gradient is the error itself, not divided by the batch size (which
    // matters under grad_clip), and the loss is the mean squared error over every score of the
    // batch, unknown ones counting as 0.
    losses.add(name, loss / ((double) batch.size() * n));
  }

  /**
   * Sets this classifier's scores in each document's cats, label by label as spaCy's
   * {@code set_annotations} does: the cats another classifier of the pipeline set stay.
   */
  @Override
  public List<Doc> annotate(List<Doc> docs) {
    return ChunkedPrediction.annotate(docs, CHUNK, model::predict, (doc, scores) -> {
      Map<String, Double> cats = new LinkedHashMap<>(doc.cats());
      for (int o = 0; o < scores.length; o++) {
        cats.put(labels.labels().get(o), (double) scores[o]);
      }
      return doc.withCats(cats);
    });
  }

  @Override
  public Map<String, Object> score(List<Example<Doc>> examples) {
    missingGold.check(examples);
    unknownLabels.checkEach(examples, TextCategorizer::positiveCats, labelsInPipeline());
    return CatsScores.of(examples, labels.labels(), exclusive, threshold, positiveLabel);
  }

  /**
   * The cats a document's reference says it belongs to. An unknown cat at 0.0 ("not NEW") loses
   * nothing, as the classifier does not predict NEW either; only a positive one is a class it
   * can never predict.
   */
  private static List<String> positiveCats(Doc doc) {
    List<String> positive = new ArrayList<>();
    doc.cats().forEach((cat, value) -> {
      if (value != null && value > 0) {
        positive.add(cat);
      }
    });
    return positive;
  }

  /**
   * This classifier's labels and its neighbours': a reference label another classifier of the
   * pipeline learns is not one this classifier should have learnt (it is scored on its own only).
   */
  private List<String> labelsInPipeline() {
    List<String> known = new ArrayList<>(labels.labels());
    neighbours.forEach(other -> known.addAll(other.labels()));
    return known;
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return Map.of("cats_score", 1.0);
  }

  @Override
  public void save(Path folder) throws IOException {
    saveWeights(folder);
    labels.save(folder);
  }

  @Override
  public void load(Path folder) throws IOException {
    labels = LabelSet.load(folder);
    loadWeights(folder);
    checkOutputs(folder, labels.size(), "labels");
  }
}
