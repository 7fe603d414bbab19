package dev.kiln.text.ner;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.text.Biluo;
import dev.kiln.text.Doc;
import dev.kiln.text.MissingGold;
import dev.kiln.text.Span;
import dev.kiln.text.TextExample;
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
import java.util.function.Supplier;

/**
 * spaCy's {@code ner} as a BILUO tagger: a model from the config scores every token's BILUO
 * tags, training minimises their softmax cross-entropy against the gold tags (tokens of unknown
 * or misaligned gold are left out), and prediction sets on each document the most probable
 * valid tag sequence, so entities are always well formed. Its labels are those of the training
 * data's entities, or those given by {@code [initialize.components.NAME] labels}; the tokens of
 * an entity whose label is not among given labels are left out too (with a warning at
 * initialize).
 */
public final class EntityRecognizer
    implements ModelTrainable<Doc>, Labelled<Doc>, Annotator<Doc>, Scorer<Doc>, Checkpointable, PipelineLinked<Doc> {
  private static final int SAMPLE = 64;
  /** Documents predicted together: per-token scores of long documents add up. */
  private static final int CHUNK = 256;

  private final String name;
  private final MissingGold missingGold;
  private final Model<List<Doc>, List<Floats>> model;
  private LabelSet labels = new LabelSet(List.of());
  private BiluoTagSet tags = new BiluoTagSet(List.of());

  EntityRecognizer(String name, Model<List<Doc>, List<Floats>> model) {
    this.name = name;
    this.missingGold = new MissingGold(name, "entities", Doc::hasEntities);
    this.model = model;
  }

  @Override
  public Model<List<Doc>, List<Floats>> model() {
    return model;
  }

  @Override
  public String name() {
    return name;
  }

  /** Connects the tok2vec listeners in the model, if any, to the tok2vec components they listen to. */
  @Override
  public void link(List<Component<Doc>> pipeline) {
    Tok2VecListener.linkAll(name, model, pipeline);
  }

  @Override
  public List<String> listensTo() {
    return Tok2VecListener.sourcesIn(model);
  }

  /** The entity labels, sorted: those of the training data, or those given at initialize. */
  @Override
  public List<String> labels() {
    return labels.labels();
  }

  /** The BILUO tags the model scores, in output column order. */
  public List<String> tags() {
    return tags.tags();
  }

  @Override
  public void initialize(Supplier<Iterable<Example<Doc>>> examples, long seed, LabelSource source) {
    LabelCounts counts = new LabelCounts();
    List<Doc> sample = new ArrayList<>();
    scan(examples.get(), counts, sample);
    setLabels(source.choose(counts.labels()));
    counts.warnOutside(name, source, "entity", "entities",
        "Their tokens are left out of its training, as tokens of unknown annotation (\"-\") are.");
    List<Floats> outputs = new ArrayList<>(sample.size());
    sample.forEach(doc -> outputs.add(Floats.zeros(doc.length(), tags.size())));
    model.initialize(sample, outputs, Rng.derive(seed, name).nextLong());
  }

  @Override
  public List<String> labelsIn(Iterable<Example<Doc>> examples) {
    LabelCounts counts = new LabelCounts();
    scan(examples, counts, new ArrayList<>());
    return LabelSource.fromData().choose(counts.labels());
  }

  /**
   * Counts the reference entities of each label into {@code counts} and keeps the first
   * documents with tokens as {@code sample}.
   *
   * @throws KilnException E314 when no document has entities
   */
  private void scan(Iterable<Example<Doc>> examples, LabelCounts counts, List<Doc> sample) {
    for (Example<Doc> example : examples) {
      example.reference().entities().forEach(span -> counts.add(span.label()));
      if (sample.size() < SAMPLE && example.predicted().length() > 0) {
        sample.add(example.predicted());
      }
    }
    if (counts.isEmpty()) {
      throw new KilnException(ErrorCode.E314, name);
    }
  }

  @Override
  public void update(List<Example<Doc>> batch, double dropout, LossTotals losses) {
    Dropout.setRates(model, dropout);
    List<Doc> docs = new ArrayList<>(batch.size());
    batch.forEach(example -> docs.add(example.predicted()));
    ForwardResult<List<Doc>, List<Floats>> result = model.beginUpdate(docs);
    List<Floats> gradients = new ArrayList<>(batch.size());
    double loss = 0;
    for (int i = 0; i < batch.size(); i++) {
      Floats scores = result.output().get(i);
      Floats gradient = Floats.zeros(scores.rows(), tags.size());
      loss += TagLoss.accumulate(scores, goldIds(batch.get(i)), 1f / batch.size(), gradient);
      gradients.add(gradient);
    }
    result.backprop().accumulate(gradients);
    losses.add(name, loss);
  }

  /** The gold tag column of each predicted token; -1 where the gold tag is unknown or misaligned. */
  private int[] goldIds(Example<Doc> example) {
    int[] ids = new int[example.predicted().length()];
    List<String> gold = TextExample.entityTags(example);
    for (int t = 0; t < ids.length; t++) {
      ids[t] = gold.isEmpty() ? -1 : tags.id(gold.get(t));
    }
    return ids;
  }

  @Override
  public List<Doc> annotate(List<Doc> docs) {
    return ChunkedPrediction.annotateEach(docs, CHUNK, model::predict,
        (doc, scores) -> doc.withEntityTags(Biluo.decode(TagLoss.logProbabilities(scores), tags.tags())));
  }

  /** The entities of {@code doc} as this component would set them (a convenience for callers and tests). */
  public List<Span> entities(Doc doc) {
    return annotate(List.of(doc)).get(0).entities();
  }

  @Override
  public Map<String, Object> score(List<Example<Doc>> examples) {
    missingGold.check(examples);
    return EntityScores.of(examples);
  }

  /** spaCy's: {@code ents_f} alone decides; {@code ents_per_type} is logged, not weighted. */
  @Override
  public Map<String, Double> defaultScoreWeights() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("ents_f", 1.0);
    weights.put("ents_p", 0.0);
    weights.put("ents_r", 0.0);
    weights.put("ents_per_type", null);
    return weights;
  }

  @Override
  public void save(Path folder) throws IOException {
    saveWeights(folder);
    labels.save(folder);
  }

  @Override
  public void load(Path folder) throws IOException {
    setLabels(LabelSet.load(folder).labels());
    loadWeights(folder);
    checkOutputs(folder, tags.size(), "BILUO tags");
  }

  private void setLabels(List<String> entityLabels) {
    labels = new LabelSet(entityLabels);
    tags = new BiluoTagSet(entityLabels);
  }
}
