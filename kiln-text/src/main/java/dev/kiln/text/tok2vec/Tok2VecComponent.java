package dev.kiln.text.tok2vec;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Dropout;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.optimizers.Optimizer;
import dev.kiln.text.Doc;
import dev.kiln.train.Annotator;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.ChunkedPrediction;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import dev.kiln.train.ModelTrainable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * spaCy's {@code tok2vec} component: a token-to-vector model that other components share
 * through {@link Tok2VecListener} layers. Its update runs the model once per batch and hands
 * the output to every listener; the gradients they send back are summed and backpropagated at
 * {@link #finishUpdate}, before the optimizer step. Its annotate sets {@link Doc#tensor}.
 */
public final class Tok2VecComponent implements ModelTrainable<Doc>, Annotator<Doc>, Checkpointable {
  private static final int SAMPLE = 64;
  private static final int CHUNK = 256;

  private final String name;
  private final Model<List<Doc>, List<Floats>> model;
  private final List<Tok2VecListener> listeners = new ArrayList<>();
  private final List<PendingBatch> pending = new ArrayList<>();

  /** A batch whose forward pass waits for its listeners' gradients. */
  private static final class PendingBatch {
    final ForwardResult<List<Doc>, List<Floats>> forward;
    List<Floats> gradient;

    PendingBatch(ForwardResult<List<Doc>, List<Floats>> forward) {
      this.forward = forward;
    }
  }

  Tok2VecComponent(String name, Model<List<Doc>, List<Floats>> model) {
    this.name = name;
    this.model = model;
  }

  @Override
  public String name() {
    return name;
  }

  /** The shared model: one (tokens × width) array per document. */
  @Override
  public Model<List<Doc>, List<Floats>> model() {
    return model;
  }

  /** The number of listeners linked to this tok2vec. */
  public int listenerCount() {
    return listeners.size();
  }

  void addListener(Tok2VecListener listener) {
    if (!listeners.contains(listener)) {
      listeners.add(listener);
    }
  }

  @Override
  public void initialize(Supplier<Iterable<Example<Doc>>> examples, long seed) {
    List<Doc> sample = new ArrayList<>();
    for (Example<Doc> example : examples.get()) {
      sample.add(example.predicted());
      if (sample.size() == SAMPLE) {
        break;
      }
    }
    model.initialize(sample, null, Rng.derive(seed, name).nextLong());
  }

  @Override
  public void update(List<Example<Doc>> batch, double dropout, LossTotals losses) {
    Dropout.setRates(model, dropout);
    List<Doc> docs = new ArrayList<>(batch.size());
    batch.forEach(example -> docs.add(example.predicted()));
    PendingBatch waiting = new PendingBatch(model.beginUpdate(docs));
    pending.add(waiting);
    losses.add(name, 0.0);
    for (Tok2VecListener listener : listeners) {
      listener.receive(docs, waiting.forward.output(), gradient -> accumulate(waiting, gradient, losses));
    }
  }

  /** Adds one listener's gradient to the batch's sum; the loss is its squared norm, as spaCy's. */
  private void accumulate(PendingBatch waiting, List<Floats> gradient, LossTotals losses) {
    double loss = 0;
    if (waiting.gradient == null) {
      waiting.gradient = new ArrayList<>(gradient.size());
      for (Floats d : gradient) {
        waiting.gradient.add(d.copy());
        loss += squaredNorm(d.data());
      }
    } else {
      for (int i = 0; i < gradient.size(); i++) {
        float[] sum = waiting.gradient.get(i).data();
        float[] d = gradient.get(i).data();
        Kernels.add(sum, d, sum, sum.length);
        loss += squaredNorm(d);
      }
    }
    losses.add(name, loss);
  }

  private static double squaredNorm(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v * v;
    }
    return sum;
  }

  @Override
  public void finishUpdate(Optimizer optimizer) {
    for (PendingBatch waiting : pending) {
      if (waiting.gradient != null) {
        waiting.forward.backprop().accumulate(waiting.gradient);
      }
    }
    pending.clear();
    listeners.forEach(Tok2VecListener::release);
    model.finishUpdate(optimizer, optimizerScope());
  }

  @Override
  public List<Doc> annotate(List<Doc> docs) {
    return ChunkedPrediction.annotateEach(docs, CHUNK, model::predict, (doc, vectors) -> doc.withTensor(name, vectors));
  }

  @Override
  public void save(Path folder) throws IOException {
    saveWeights(folder);
  }

  @Override
  public void load(Path folder) throws IOException {
    loadWeights(folder);
  }
}
