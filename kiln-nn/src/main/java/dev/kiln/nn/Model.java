package dev.kiln.nn;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Thinc's model container: a name, a forward function, an init function, dimensions, parameters
 * and their gradients, child layers, references and attributes.
 *
 * <p>A layer is a factory that builds a {@code Model} (see {@link #builder}); combinators hold
 * their children in {@link #layers()}. Training: {@link #beginUpdate} returns the output and a
 * {@link Backprop} that accumulates gradients, then {@link #finishUpdate} hands each parameter
 * that has a gradient to the optimizer under a key stable across processes: the model's position
 * in its tree plus the parameter name ({@code chain/0-relu:W}).
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class Model<I, O> {
  /** The root seed used when {@link #initialize(Object, Object)} is given none. */
  public static final long DEFAULT_SEED = 0;

  private final String name;
  private final Forward<I, O> forward;
  private final Init<I, O> init;
  private final Map<String, Integer> dims;
  private final Map<String, Floats> params;
  private final Map<String, Floats> grads = new LinkedHashMap<>();
  /** The parameters whose gradient was written since they were set or last handed over. */
  private final Set<String> written = new HashSet<>();
  private final List<Model<?, ?>> layers;
  private final Map<String, Model<?, ?>> refs;
  private final Map<String, Object> attrs;
  private Rng rng;
  /** Every parameter slot of the tree with its optimizer key; the tree is fixed once built. */
  private List<ParamSlot> slots;
  private ScopedKeys scopedKeys;

  private record ParamSlot(String key, Model<?, ?> owner, String param) {}

  private record ScopedKeys(String scope, String[] keys) {}

  private Model(Builder<I, O> b) {
    this.name = b.name;
    this.forward = b.forward;
    this.init = b.init;
    this.dims = b.dims;
    this.params = b.params;
    this.layers = List.copyOf(b.layers);
    this.refs = b.refs;
    this.attrs = b.attrs;
  }

  /** Starts building a model named {@code name} that runs {@code forward}. */
  public static <I, O> Builder<I, O> builder(String name, Forward<I, O> forward) {
    return new Builder<>(name, forward);
  }

  public String name() {
    return name;
  }

  /** Runs the forward pass in training mode; Thinc's {@code begin_update}. */
  public ForwardResult<I, O> beginUpdate(I x) {
    return forward.apply(this, x, true);
  }

  /** Runs the forward pass in prediction mode (no dropout) and returns the output. */
  public O predict(I x) {
    return forward.apply(this, x, false).output();
  }

  /**
   * Whether this model's forward pass is {@code f}: how a combinator recognises children it can
   * run fused (for example {@code concatenate} of hash embeddings), whatever their names.
   */
  public boolean runs(Forward<?, ?> f) {
    return forward == f;
  }

  /** Runs the forward pass; what combinators call on their children. */
  public ForwardResult<I, O> call(I x, boolean isTrain) {
    return forward.apply(this, x, isTrain);
  }

  /**
   * Infers missing dimensions from sample data ({@code x} and {@code y} may be null) and
   * allocates parameters, seeding every layer from {@code seed} and its position in the tree:
   * the same seed and the same model structure always give the same weights.
   */
  public Model<I, O> initialize(I x, O y, long seed) {
    for (Map.Entry<String, Model<?, ?>> node : walkWithPaths().entrySet()) {
      node.getValue().rng = Rng.derive(seed, node.getKey());
    }
    init.initialize(this, x, y);
    return this;
  }

  /**
   * Initializes with the seed already given to an enclosing model (combinators call this on
   * their children), or {@link #DEFAULT_SEED} for a model initialized on its own.
   */
  public Model<I, O> initialize(I x, O y) {
    if (rng == null) {
      return initialize(x, y, DEFAULT_SEED);
    }
    init.initialize(this, x, y);
    return this;
  }

  /** This layer's random stream (initial weights, dropout masks); set by initialize. */
  public Rng rng() {
    if (rng == null) {
      rng = Rng.derive(DEFAULT_SEED, name);
    }
    return rng;
  }


  /** Whether the dimension exists and is set. */
  public boolean hasDim(String dim) {
    return dims.get(dim) != null;
  }

  /** The dimension's value; fails with a message naming the layer if it is unset. */
  public int getDim(String dim) {
    Integer value = dims.get(dim);
    if (value == null) {
      throw dims.containsKey(dim) ? new KilnException(ErrorCode.E100, name, dim)
          : new KilnException(ErrorCode.E102, name, dim, dims.keySet());
    }
    return value;
  }

  public OptionalInt maybeDim(String dim) {
    Integer value = dims.get(dim);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /**
   * Sets a dimension, typically inferred from sample data at initialize; changing one that is
   * already set to another value is an error (the data disagrees with the config).
   */
  public void setDim(String dim, int value) {
    if (!dims.containsKey(dim)) {
      throw new KilnException(ErrorCode.E102, name, dim, dims.keySet());
    }
    Integer old = dims.get(dim);
    if (old != null && old != value) {
      throw new KilnException(ErrorCode.E101, name, dim, old, value);
    }
    dims.put(dim, value);
  }

  public Map<String, Integer> dims() {
    return Collections.unmodifiableMap(dims);
  }


  /** The declared parameter names, allocated or not. */
  public List<String> paramNames() {
    return List.copyOf(params.keySet());
  }

  public boolean hasParam(String param) {
    return params.get(param) != null;
  }

  public Floats getParam(String param) {
    Floats value = params.get(param);
    if (value == null) {
      throw params.containsKey(param) ? new KilnException(ErrorCode.E103, name, param)
          : new KilnException(ErrorCode.E104, name, param, params.keySet());
    }
    return value;
  }

  /**
   * Sets a declared parameter; its gradient is reset to zeros of the same shape and counts as
   * unwritten (see {@link #finishUpdate}).
   */
  public void setParam(String param, Floats value) {
    if (!params.containsKey(param)) {
      throw new KilnException(ErrorCode.E104, name, param, params.keySet());
    }
    params.put(param, value);
    grads.put(param, Floats.zeros(value.shape()));
    written.remove(param);
  }

  /**
   * The gradient of {@code param}, into which backprop callbacks accumulate (Thinc's
   * {@code inc_grad} writes here); zeros until the first backward pass. Asking for it counts as
   * writing it, so the next {@link #finishUpdate} hands the parameter to the optimizer.
   */
  public Floats grad(String param) {
    Floats grad = gradValues(param);
    written.add(param);
    return grad;
  }

  /** The gradient array, allocated when missing, without counting as a write. */
  private Floats gradValues(String param) {
    Floats grad = grads.get(param);
    if (grad == null) {
      grad = Floats.zeros(getParam(param).shape());
      grads.put(param, grad);
    }
    return grad;
  }

  /** Adds {@code delta} to the gradient of {@code param}. */
  public void incGrad(String param, Floats delta) {
    float[] g = grad(param).data();
    float[] d = delta.data();
    if (g.length != d.length) {
      throw new IllegalArgumentException(name + ": gradient of " + param + " has "
          + g.length + " values, got " + d.length);
    }
    for (int i = 0; i < g.length; i++) {
      g[i] += d[i];
    }
  }


  public List<Model<?, ?>> layers() {
    return layers;
  }

  public boolean hasRef(String ref) {
    return refs.get(ref) != null;
  }

  public Model<?, ?> getRef(String ref) {
    Model<?, ?> value = refs.get(ref);
    if (value == null) {
      throw new KilnException(ErrorCode.E107, name, ref, refs.keySet());
    }
    return value;
  }

  public void setRef(String ref, Model<?, ?> value) {
    refs.put(ref, value);
  }

  /** Free-form settings (dropout rate, seed, column, ...), mutable. */
  public Map<String, Object> attrs() {
    return attrs;
  }


  /**
   * Every distinct model of the tree, this one first, breadth first: {@link #walkWithPaths}'s
   * order, without building the paths (training walks each component's tree at every step to
   * set its dropout rates).
   */
  public List<Model<?, ?>> walk() {
    List<Model<?, ?>> nodes = new ArrayList<>();
    Set<Model<?, ?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    nodes.add(this);
    seen.add(this);
    for (int head = 0; head < nodes.size(); head++) {
      for (Model<?, ?> child : nodes.get(head).layers) {
        if (seen.add(child)) {
          nodes.add(child);
        }
      }
    }
    return nodes;
  }

  /**
   * Every distinct model of the tree by path: the root's path is its name, a child's is its
   * parent's path, {@code /}, its index and {@code -} its name. A model reachable twice keeps
   * the first path found breadth first.
   */
  public Map<String, Model<?, ?>> walkWithPaths() {
    Map<String, Model<?, ?>> byPath = new LinkedHashMap<>();
    IdentityHashMap<Model<?, ?>, Boolean> seen = new IdentityHashMap<>();
    List<Map.Entry<String, Model<?, ?>>> queue = new ArrayList<>();
    queue.add(Map.entry(name, this));
    seen.put(this, true);
    for (int head = 0; head < queue.size(); head++) {
      Map.Entry<String, Model<?, ?>> node = queue.get(head);
      byPath.put(node.getKey(), node.getValue());
      List<Model<?, ?>> children = node.getValue().layers;
      for (int i = 0; i < children.size(); i++) {
        Model<?, ?> child = children.get(i);
        if (seen.put(child, true) == null) {
          queue.add(Map.entry(node.getKey() + "/" + i + "-" + child.name, child));
        }
      }
    }
    return byPath;
  }

  /** Every allocated parameter of the tree by optimizer key ({@code path:param}). */
  public Map<String, Floats> paramsByKey() {
    Map<String, Floats> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, Model<?, ?>> node : walkWithPaths().entrySet()) {
      for (Map.Entry<String, Floats> param : node.getValue().params.entrySet()) {
        if (param.getValue() != null) {
          byKey.put(node.getKey() + ":" + param.getKey(), param.getValue());
        }
      }
    }
    return byKey;
  }

  /**
   * Sets parameters by optimizer key ({@code path:param}, as {@link #paramsByKey} names them),
   * for loading saved weights; each value must have the declared parameter's shape when one is
   * already allocated.
   *
   * @throws IllegalArgumentException for a key naming no parameter of this tree, or a shape
   *     that does not match
   */
  public void setParamsByKey(Map<String, Floats> values) {
    Map<String, Model<?, ?>> byPath = walkWithPaths();
    for (Map.Entry<String, Floats> entry : values.entrySet()) {
      String key = entry.getKey();
      int colon = key.lastIndexOf(':');
      Model<?, ?> node = colon < 0 ? null : byPath.get(key.substring(0, colon));
      String param = key.substring(colon + 1);
      if (node == null || !node.params.containsKey(param)) {
        throw new IllegalArgumentException("no parameter " + key + " in " + name
            + "; parameters: " + paramsByKey().keySet());
      }
      Floats old = node.params.get(param);
      if (old != null && !old.sameShape(entry.getValue())) {
        throw new IllegalArgumentException(key + " has shape " + old + ", got "
            + entry.getValue());
      }
      node.setParam(param, entry.getValue());
    }
  }

  /** The state of every layer's random stream by path, for a checkpoint. */
  public Map<String, Long> rngStates() {
    Map<String, Long> states = new LinkedHashMap<>();
    for (Map.Entry<String, Model<?, ?>> node : walkWithPaths().entrySet()) {
      states.put(node.getKey(), node.getValue().rng().state());
    }
    return states;
  }

  /** Restores states saved by {@link #rngStates()}; paths not in this tree are ignored. */
  public void restoreRngStates(Map<String, Long> states) {
    for (Map.Entry<String, Model<?, ?>> node : walkWithPaths().entrySet()) {
      Long state = states.get(node.getKey());
      if (state != null) {
        node.getValue().rng().setState(state);
      }
    }
  }

  /**
   * Hands each parameter of the tree that has a gradient, and its gradient, to
   * {@code optimizer}, which updates the weights in place and zeroes the gradient; Thinc's
   * {@code finish_update}.
   *
   * <p>Thinc's {@code has_grad} rule: a parameter is updated from its first gradient on, at
   * every call, with a zero gradient in a step that gave it none (weight decay and momentum still
   * move it); one that no backward pass reached (a tok2vec whose only listener is frozen) is left
   * alone: no weight decay, no optimizer state. Thinc remembers through the gradient entry a
   * backward pass creates; kiln through the optimizer: a parameter is handed over when its
   * gradient was written since it was set or last handed over, or when the optimizer holds state
   * for it ({@link Optimizer#hasUpdated}), as it does from the parameter's first update on. That
   * state is saved with a checkpoint, so a resumed run updates what an uninterrupted one would;
   * and a stateless optimizer (the loop's discard of a skipped step) leaves no trace.
   */
  public void finishUpdate(Optimizer optimizer) {
    finishUpdate(optimizer, "");
  }

  /**
   * As {@link #finishUpdate(Optimizer)}, with every optimizer key prefixed by {@code scope}.
   * Components of a pipeline share one optimizer, and two of the same architecture have the same
   * paths ({@code bow:W}); each prefixes its name so that their moments stay apart (Thinc's keys
   * are node ids, unique in the process).
   */
  public void finishUpdate(Optimizer optimizer, String scope) {
    List<ParamSlot> slots = slots();
    String[] keys = keysIn(scope);
    for (int i = 0; i < keys.length; i++) {
      Model<?, ?> owner = slots.get(i).owner;
      String paramName = slots.get(i).param;
      Floats param = owner.params.get(paramName);
      boolean hadGradient = owner.written.remove(paramName);
      if (param != null && (hadGradient || optimizer.hasUpdated(keys[i]))) {
        optimizer.update(keys[i], param.data(), owner.gradValues(paramName).data());
      }
    }
  }

  /** The slots' keys with {@code scope} in front, made once per scope rather than every step. */
  private String[] keysIn(String scope) {
    if (scopedKeys == null || !scopedKeys.scope().equals(scope)) {
      String[] keys = slots().stream().map(slot -> scope + slot.key).toArray(String[]::new);
      scopedKeys = new ScopedKeys(scope, keys);
    }
    return scopedKeys.keys();
  }

  private List<ParamSlot> slots() {
    if (slots == null) {
      List<ParamSlot> found = new ArrayList<>();
      for (Map.Entry<String, Model<?, ?>> node : walkWithPaths().entrySet()) {
        for (String param : node.getValue().params.keySet()) {
          found.add(new ParamSlot(node.getKey() + ":" + param, node.getValue(), param));
        }
      }
      slots = List.copyOf(found);
    }
    return slots;
  }

  /**
   * Swaps in {@code averages} (by optimizer key, as {@link Optimizer#averages()} returns them)
   * until the returned handle is closed; keys without an average keep their weights.
   */
  public SwappedParams useParams(Map<String, float[]> averages) {
    return SwappedParams.swap(paramsByKey(), averages);
  }

  /** As {@link #useParams(Map)}, for averages kept under keys prefixed by {@code scope}. */
  public SwappedParams useParams(Map<String, float[]> averages, String scope) {
    Map<String, float[]> mine = new LinkedHashMap<>();
    averages.forEach((key, values) -> {
      if (key.startsWith(scope)) {
        mine.put(key.substring(scope.length()), values);
      }
    });
    return SwappedParams.swap(paramsByKey(), mine);
  }

  /** The number of parameter values in the tree. */
  public long paramCount() {
    long count = 0;
    for (Floats param : paramsByKey().values()) {
      count += param.size();
    }
    return count;
  }

  /** "Total number of trainable weights: 269,322 ~ 1.0 MiB" for this model's tree. */
  public String paramSummary() {
    return ParamSummary.describe(paramCount(), paramCount() * Float.BYTES);
  }

  /**
   * A deep copy: the same functions, dimensions and attributes, copied parameters and copied
   * children (a child shared within the tree stays shared within the copy); no random state, so
   * the copy draws its own weights at initialize; no gradients, which Thinc's copies. Thinc's
   * {@code model.copy()}.
   */
  public Model<I, O> copy() {
    return copy(new IdentityHashMap<>());
  }

  @SuppressWarnings("unchecked")
  private Model<I, O> copy(IdentityHashMap<Model<?, ?>, Model<?, ?>> copies) {
    Model<?, ?> done = copies.get(this);
    if (done != null) {
      return (Model<I, O>) done;
    }
    Builder<I, O> b = new Builder<>(name, forward);
    b.init = init;
    b.dims.putAll(dims);
    for (Map.Entry<String, Floats> param : params.entrySet()) {
      b.params.put(param.getKey(), param.getValue() == null ? null : param.getValue().copy());
    }
    for (Model<?, ?> layer : layers) {
      b.layers.add(layer.copy(copies));
    }
    b.attrs.putAll(attrs);
    Model<I, O> copy = b.build();
    copies.put(this, copy);
    for (Map.Entry<String, Model<?, ?>> ref : refs.entrySet()) {
      Model<?, ?> target = ref.getValue();
      copy.refs.put(ref.getKey(), target == null ? null
          : copies.containsKey(target) ? copies.get(target) : target);
    }
    return copy;
  }

  @Override
  public String toString() {
    return "Model(" + name + ")";
  }

  /** Builds a {@link Model}: declare its dimensions, parameters, children and attributes. */
  public static final class Builder<I, O> {
    private final String name;
    private final Forward<I, O> forward;
    private Init<I, O> init = Init.none();
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private final Map<String, Floats> params = new LinkedHashMap<>();
    private final List<Model<?, ?>> layers = new ArrayList<>();
    private final Map<String, Model<?, ?>> refs = new LinkedHashMap<>();
    private final Map<String, Object> attrs = new LinkedHashMap<>();

    private Builder(String name, Forward<I, O> forward) {
      this.name = name;
      this.forward = forward;
    }

    public Builder<I, O> init(Init<I, O> value) {
      this.init = value;
      return this;
    }

    /**
     * Declares a dimension, unset when {@code value} is null.
     *
     * @throws KilnException E106 for a value below 1 (a width given in a config)
     */
    public Builder<I, O> dim(String dim, Integer value) {
      if (value != null && value < 1) {
        throw new RejectedArgument(dim, ErrorCode.E106, name, dim, "at least 1", value);
      }
      dims.put(dim, value);
      return this;
    }

    /** Declares parameters, allocated later by the init function. */
    public Builder<I, O> params(String... names) {
      for (String param : names) {
        params.put(param, null);
      }
      return this;
    }

    public Builder<I, O> layers(List<? extends Model<?, ?>> children) {
      layers.addAll(children);
      return this;
    }

    public Builder<I, O> ref(String ref, Model<?, ?> value) {
      refs.put(ref, value);
      return this;
    }

    public Builder<I, O> attr(String attr, Object value) {
      attrs.put(attr, value);
      return this;
    }

    public Model<I, O> build() {
      return new Model<>(this);
    }
  }
}
