package dev.kiln.text.tagger;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.losses.LossResult;
import dev.kiln.nn.losses.SequenceCategoricalCrossentropy;
import dev.kiln.text.Doc;
import dev.kiln.text.MissingGold;
import dev.kiln.text.TextExample;
import dev.kiln.text.TokenizationScores;
import dev.kiln.text.tok2vec.Tok2VecListener;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Component;
import dev.kiln.train.Example;
import dev.kiln.train.LabelCounts;
import dev.kiln.train.LabelSet;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import dev.kiln.train.PipelineLinked;
import dev.kiln.train.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * spaCy's {@code tagger}: sets one tag per token ({@code Doc.tags}) from a model giving tag
 * scores per token, learns from the reference tags with categorical cross-entropy (tokens
 * whose reference tag is missing or not aligned add nothing), and scores {@code tag_acc} with
 * the tokenization scores ({@code token_acc}, ...). Its tags are those of the training data, or
 * those given by {@code [initialize.components.NAME] labels}; a token whose reference tag is not
 * among given tags adds nothing either (with a warning at initialize). A negative reference tag
 * ({@code "!NN"}, see {@link NegativeTags}) is no tag of its own: it trains only NN's score
 * down.
 */
public final class Tagger implements ModelTrainable<Doc>, Labelled<Doc>, Annotator<Doc>, Scorer<Doc>, Checkpointable, PipelineLinked<Doc> {
  private static final int SAMPLE = 64;
  private static final int CHUNK = 256;
  /** The loss's name for a token that adds nothing; never a tag, since "" is a missing tag. */
  private static final String MISSING = "";

  private final String name;
  private final MissingGold missingGold;
  private final Model<List<Doc>, List<Floats>> model;
  private final boolean overwrite;
  private final double labelSmoothing;
  private final NegativeTags negativeTags;
  private LabelSet labels = new LabelSet(List.of());
  private Set<String> known = Set.of();
  private SequenceCategoricalCrossentropy lossFunction;

  Tagger(String name, Model<List<Doc>, List<Floats>> model, boolean overwrite, double labelSmoothing,
      NegativeTags negativeTags) {
    this.name = name;
    this.missingGold = new MissingGold(name, "tags", Doc::hasTags);
    this.model = model;
    this.overwrite = overwrite;
    this.labelSmoothing = labelSmoothing;
    this.negativeTags = negativeTags;
    setLabels(labels);
  }

  /**
   * Whether a reference tag means "unknown": empty (spaCy's missing value: its tagger neither
   * learns nor scores a token tagged {@code ""}), {@code -} or CoNLL-U's {@code _}. Such a tag is
   * no label, adds nothing to the loss and is not scored.
   */
  public static boolean isMissing(String tag) {
    return tag == null || tag.isEmpty() || tag.equals("-") || tag.equals("_");
  }

  @Override
  public String name() {
    return name;
  }

  /** The tags, in the order of the model's output columns. */
  public List<String> labels() {
    return labels.labels();
  }

  /** The model: tag scores per token. */
  @Override
  public Model<List<Doc>, List<Floats>> model() {
    return model;
  }

  @Override
  public void link(List<Component<Doc>> pipeline) {
    Tok2VecListener.linkAll(name, model, pipeline);
  }

  @Override
  public List<String> listensTo() {
    return Tok2VecListener.sourcesIn(model);
  }

  @Override
  public void initialize(Supplier<Iterable<Example<Doc>>> examples, long seed, LabelSource source) {
    LabelCounts counts = new LabelCounts();
    List<Doc> sample = new ArrayList<>();
    long negatives = scan(examples.get(), counts, sample);
    List<String> chosen = source.choose(counts.labels());
    // Given labels can be learnt from negative tags alone ("!NN": not NN); the data's cannot.
    if (chosen.isEmpty() || (counts.isEmpty() && negatives == 0)) {
      throw new KilnException(ErrorCode.E324, name);
    }
    for (String label : chosen) {
      if (negativeTags.isNegative(label)) {
        throw new KilnException(ErrorCode.E346, name, label, negativeTags.prefix().orElseThrow());
      }
    }
    double maxSmoothing = (chosen.size() - 1) / (double) chosen.size();
    if (labelSmoothing < 0 || (labelSmoothing > 0 && labelSmoothing >= maxSmoothing)) {
      throw new KilnException(ErrorCode.E325, name, maxSmoothing, chosen.size(), labelSmoothing);
    }
    counts.warnOutside(name, source, "token", "tokens",
        "Those tokens are left out of its training, as tokens of unknown tag (\"-\") are.");
    setLabels(new LabelSet(chosen));
    List<Floats> y = new ArrayList<>(sample.size());
    sample.forEach(doc -> y.add(Floats.zeros(doc.length(), chosen.size())));
    model.initialize(sample, y, Rng.derive(seed, name).nextLong());
  }

  @Override
  public List<String> labelsIn(Iterable<Example<Doc>> examples) {
    LabelCounts counts = new LabelCounts();
    scan(examples, counts, new ArrayList<>());
    if (counts.isEmpty()) {
      throw new KilnException(ErrorCode.E324, name);
    }
    return LabelSource.fromData().choose(counts.labels());
  }

  /**
   * Counts the tokens of each reference tag into {@code counts} and keeps the first documents as
   * {@code sample}; returns how many tokens have a negative tag, which {@code counts} leaves out.
   */
  private long scan(Iterable<Example<Doc>> examples, LabelCounts counts, List<Doc> sample) {
    long negatives = 0;
    for (Example<Doc> example : examples) {
      for (String tag : example.reference().tags()) {
        if (negativeTags.isNegative(tag)) {
          negatives++;
        } else if (!isMissing(tag)) {
          counts.add(tag);
        }
      }
      if (sample.size() < SAMPLE) {
        sample.add(example.predicted());
      }
    }
    return negatives;
  }

  private void setLabels(LabelSet newLabels) {
    labels = newLabels;
    known = Set.copyOf(newLabels.labels());
    // spaCy's tagger loss: Thinc's with the tags as names and neg_prefix, not normalised, and
    // the loss reported as Thinc's, the sum of the squared gradient.
    lossFunction = new SequenceCategoricalCrossentropy(false, labelSmoothing, OptionalInt.empty())
        .withNames(newLabels.labels(), Optional.of(MISSING), negativeTags.prefix());
  }

  @Override
  public void update(List<Example<Doc>> batch, double dropout, LossTotals losses) {
    Dropout.setRates(model, dropout);
    List<Doc> docs = new ArrayList<>(batch.size());
    batch.forEach(example -> docs.add(example.predicted()));
    ForwardResult<List<Doc>, List<Floats>> result = model.beginUpdate(docs);
    List<List<String>> gold = new ArrayList<>(batch.size());
    batch.forEach(example -> gold.add(goldNames(example)));
    LossResult<List<Floats>> loss = lossFunction.computeNames(result.output(), gold);
    result.backprop().accumulate(loss.gradient());
    losses.add(name, loss.loss());
  }

  /**
   * The gold tag of each predicted token as the loss reads it: a known tag, a negative tag of a
   * known tag, or {@link #MISSING} (unknown, or about a tag that is no label); see
   * {@link TextExample#tags} for how the reference tags reach the predicted tokens.
   */
  private List<String> goldNames(Example<Doc> example) {
    List<Optional<String>> tags = TextExample.tags(example);
    List<String> gold = new ArrayList<>(tags.size());
    for (Optional<String> tag : tags) {
      gold.add(lossName(tag.orElse(null)));
    }
    return gold;
  }

  private String lossName(String tag) {
    if (isMissing(tag)) {
      return MISSING;
    }
    String labelled = negativeTags.isNegative(tag) ? negativeTags.negatedTag(tag) : tag;
    return known.contains(labelled) ? tag : MISSING;
  }

  @Override
  public List<Doc> annotate(List<Doc> docs) {
    return ChunkedPrediction.annotateEach(docs, CHUNK, model::predict,
        (doc, scores) -> doc.withTags(merged(doc, bestTags(scores))));
  }

  /** The predicted tags, except where the document has a tag and overwrite is off. */
  private List<String> merged(Doc doc, List<String> predicted) {
    if (overwrite || !doc.hasTags()) {
      return predicted;
    }
    List<String> tags = new ArrayList<>(predicted);
    for (int i = 0; i < tags.size(); i++) {
      if (!isMissing(doc.tags().get(i))) {
        tags.set(i, doc.tags().get(i));
      }
    }
    return tags;
  }

  private List<String> bestTags(Floats scores) {
    List<String> tags = new ArrayList<>(scores.rows());
    int n = scores.cols();
    float[] data = scores.data();
    for (int row = 0; row < scores.rows(); row++) {
      int best = 0;
      for (int o = 1; o < n; o++) {
        if (data[row * n + o] > data[row * n + best]) {
          best = o;
        }
      }
      tags.add(labels.labels().get(best));
    }
    return tags;
  }

  @Override
  public Map<String, Object> score(List<Example<Doc>> examples) {
    missingGold.check(examples);
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("tag_acc", TagScores.tagAccuracy(examples));
    scores.putAll(TokenizationScores.of(examples));
    return scores;
  }

  @Override
  public Map<String, Double> defaultScoreWeights() {
    return Map.of("tag_acc", 1.0);
  }

  @Override
  public void save(Path folder) throws IOException {
    saveWeights(folder);
    labels.save(folder);
  }

  @Override
  public void load(Path folder) throws IOException {
    setLabels(LabelSet.load(folder));
    loadWeights(folder);
    checkOutputs(folder, labels.size(), "tags");
  }
}
