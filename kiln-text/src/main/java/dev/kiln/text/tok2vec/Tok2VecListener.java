package dev.kiln.text.tok2vec;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.text.Doc;
import dev.kiln.train.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * spaCy's {@code Tok2VecListener.v1}: a layer without weights that stands for a shared
 * {@link Tok2VecComponent} inside another component's model. In training, the tok2vec runs once
 * per batch and hands its output to every listener; a listener returns that output and sends
 * its gradient back to the tok2vec, which applies the sum at its {@code finishUpdate}. In
 * prediction, a listener reads the vectors the tok2vec set on the documents ({@link Doc#tensor}).
 *
 * <p>A component whose model may contain listeners implements
 * {@link dev.kiln.train.PipelineLinked} and calls {@link #linkAll} from {@code link}.
 */
public final class Tok2VecListener {
  private static final String NAME = "tok2vec-listener";
  private static final String ATTR = "listener";

  private final int width;
  private final String upstream;
  private String owner = "?";
  private Tok2VecComponent source;
  private Delivery delivery;

  /** What the tok2vec handed over for one batch: its output and where gradients go. */
  private record Delivery(List<Doc> docs, List<Floats> outputs, Consumer<List<Floats>> gradients) {}

  private Tok2VecListener(int width, String upstream) {
    this.width = width;
    this.upstream = upstream;
  }

  /**
   * A listener layer for a tok2vec of output {@code width}, named {@code upstream} in the pipeline
   * ({@code "*"}: the nearest tok2vec component before the listening one).
   */
  public static Model<List<Doc>, List<Floats>> create(int width, String upstream) {
    Tok2VecListener listener = new Tok2VecListener(width, upstream);
    return Model.<List<Doc>, List<Floats>>builder(NAME, (model, docs, isTrain) -> listener.forward(docs, isTrain))
        .dim("nO", width)
        .attr(ATTR, listener)
        .attr(Chain.SENDS_GRADIENT, true)
        .attr("upstream", upstream)
        .build();
  }

  /**
   * Connects every listener in {@code model} (owned by component {@code owner}) to its upstream
   * tok2vec in {@code pipeline}: the tok2vec of that name, or for {@code "*"} the last one
   * before {@code owner}.
   *
   * @throws KilnException E312 if there is no such tok2vec before the owner, E323 if its width
   *     differs from the listener's
   */
  public static void linkAll(String owner, Model<?, ?> model, List<? extends Component<?>> pipeline) {
    for (Model<?, ?> node : model.walk()) {
      if (node.attrs().get(ATTR) instanceof Tok2VecListener listener) {
        listener.link(owner, pipeline);
      }
    }
  }

  /** The names of the tok2vec components that the listeners in {@code model} are linked to. */
  public static List<String> sourcesIn(Model<?, ?> model) {
    List<String> names = new ArrayList<>();
    for (Model<?, ?> node : model.walk()) {
      if (node.attrs().get(ATTR) instanceof Tok2VecListener listener && listener.source != null
          && !names.contains(listener.source.name())) {
        names.add(listener.source.name());
      }
    }
    return names;
  }

  private void link(String ownerName, List<? extends Component<?>> pipeline) {
    owner = ownerName;
    Tok2VecComponent found = null;
    for (Component<?> component : pipeline) {
      if (component.name().equals(ownerName)) {
        break;
      }
      if (component instanceof Tok2VecComponent tok2vec && (upstream.equals("*") || upstream.equals(tok2vec.name()))) {
        found = tok2vec;
      }
    }
    if (found == null) {
      throw new KilnException(ErrorCode.E312, ownerName, upstream, pipeline.stream().map(Component::name).toList());
    }
    String foundName = found.name();
    found.model().maybeDim("nO").ifPresent(nO -> {
      if (nO != width) {
        throw new KilnException(ErrorCode.E323, ownerName, width, foundName, nO);
      }
    });
    source = found;
    found.addListener(this);
  }

  /** Called by the tok2vec after its forward pass over a batch. */
  void receive(List<Doc> docs, List<Floats> outputs, Consumer<List<Floats>> gradients) {
    delivery = new Delivery(docs, outputs, gradients);
  }

  /** Called by the tok2vec at its optimizer step: the batch is done, its output can go. */
  void release() {
    delivery = null;
  }

  private ForwardResult<List<Doc>, List<Floats>> forward(List<Doc> docs, boolean isTrain) {
    if (isTrain && delivery != null && sameBatch(delivery.docs, docs)) {
      Delivery batch = delivery;
      return new ForwardResult<>(batch.outputs, dY -> {
        batch.gradients.accept(dY);
        return null;
      });
    }
    if (isTrain && !allHaveTensors(docs)) {
      throw new KilnException(ErrorCode.E313, owner, source == null ? upstream : source.name());
    }
    return new ForwardResult<>(tensors(docs), dY -> null);
  }

  /**
   * The documents' vectors: set by the tok2vec's annotate, or computed by it when missing (or
   * when another tok2vec of the pipeline annotated the documents after it).
   */
  private List<Floats> tensors(List<Doc> docs) {
    if (allHaveTensors(docs)) {
      List<Floats> out = new ArrayList<>(docs.size());
      docs.forEach(doc -> out.add(doc.tensorOf(source.name()).orElseThrow()));
      return out;
    }
    if (source == null) {
      throw new KilnException(ErrorCode.E312, owner, upstream, List.of());
    }
    return source.model().predict(docs);
  }

  private boolean allHaveTensors(List<Doc> docs) {
    if (source == null) {
      return false;
    }
    for (Doc doc : docs) {
      Optional<Floats> vectors = doc.tensorOf(source.name());
      if (vectors.isEmpty() || vectors.get().cols() != width) {
        return false;
      }
    }
    return true;
  }

  /** spaCy compares batch ids made from the token texts; documents of one batch are compared here. */
  private static boolean sameBatch(List<Doc> a, List<Doc> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Doc x = a.get(i);
      Doc y = b.get(i);
      if (x != y && (x.length() != y.length() || !x.text().equals(y.text()))) {
        return false;
      }
    }
    return true;
  }
}
