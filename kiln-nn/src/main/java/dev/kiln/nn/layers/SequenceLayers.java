package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.ops.SequenceOps;
import java.util.List;

/**
 * The parameter-free layers that convert between sequence representations (lists of arrays,
 * {@link Ragged}, {@link Padded}, one stacked array) and reduce sequences to vectors, under
 * Thinc's names. Each is a one-line forward and its exact inverse as backprop.
 */
public final class SequenceLayers {
  private SequenceLayers() {}

  /** Thinc's {@code list2ragged}: a list of 2-d arrays to one ragged array. */
  @Registered(category = "layers", name = "list2ragged.v1")
  public static Model<List<Floats>, Ragged> list2ragged() {
    return Model.<List<Floats>, Ragged>builder("list2ragged", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.flatten(x), SequenceOps::unflatten)).build();
  }

  /** Thinc's {@code ragged2list}: a ragged array to a list of 2-d arrays. */
  @Registered(category = "layers", name = "ragged2list.v1")
  public static Model<Ragged, List<Floats>> ragged2list() {
    return Model.<Ragged, List<Floats>>builder("ragged2list", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.unflatten(x), dY -> SequenceOps.flatten(dY))).build();
  }

  /** Thinc's {@code list2array}: a list of 2-d arrays stacked into one. */
  @Registered(category = "layers", name = "list2array.v1")
  public static Model<List<Floats>, Floats> list2array() {
    return Model.<List<Floats>, Floats>builder("list2array", (model, x, isTrain) -> {
      Ragged ragged = SequenceOps.flatten(x);
      return new ForwardResult<>(ragged.data(),
          dY -> SequenceOps.unflatten(ragged.withData(dY)));
    }).build();
  }

  /** Thinc's {@code list2padded}: a list of 2-d arrays padded to (batch, length, width). */
  @Registered(category = "layers", name = "list2padded.v1")
  public static Model<List<Floats>, Padded> list2padded() {
    return Model.<List<Floats>, Padded>builder("list2padded", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.pad(x), SequenceOps::unpad)).build();
  }

  /** Thinc's {@code padded2list}: a padded batch back to a list of 2-d arrays. */
  @Registered(category = "layers", name = "padded2list.v1")
  public static Model<Padded, List<Floats>> padded2list() {
    return Model.<Padded, List<Floats>>builder("padded2list", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.unpad(x), SequenceOps::pad)).build();
  }

  /** Thinc's {@code reduce_sum}: each sequence's rows summed. */
  @Registered(category = "layers", name = "reduce_sum.v1")
  public static Model<Ragged, Floats> reduceSum() {
    return Model.<Ragged, Floats>builder("reduce_sum", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.reduceSum(x),
            dY -> x.withData(SequenceOps.backpropReduce(dY, x.lengths(), false)))).build();
  }

  /** Thinc's {@code reduce_mean}: each sequence's rows averaged (zeros when empty). */
  @Registered(category = "layers", name = "reduce_mean.v1")
  public static Model<Ragged, Floats> reduceMean() {
    return Model.<Ragged, Floats>builder("reduce_mean", (model, x, isTrain) ->
        new ForwardResult<>(SequenceOps.reduceMean(x),
            dY -> x.withData(SequenceOps.backpropReduce(dY, x.lengths(), true)))).build();
  }

  /** Thinc's {@code reduce_max}: each sequence's element-wise maximum. */
  @Registered(category = "layers", name = "reduce_max.v1")
  public static Model<Ragged, Floats> reduceMax() {
    return Model.<Ragged, Floats>builder("reduce_max", (model, x, isTrain) -> {
      SequenceOps.MaxResult max = SequenceOps.reduceMax(x);
      return new ForwardResult<>(max.max(), dY -> x.withData(
          SequenceOps.backpropReduceMax(dY, max.which(), x.data().rows())));
    }).build();
  }

  /**
   * Thinc's {@code expand_window}: each row concatenated with its {@code window_size}
   * neighbours on each side within its sequence; on a 2-d array, the whole array is one
   * sequence.
   */
  @Registered(category = "layers", name = "expand_window.v1")
  @SuppressWarnings("unchecked")
  public static <T> Model<T, T> expandWindow(@dev.kiln.config.Name("window_size")
      @Default("1") int windowSize) {
    return Model.<T, T>builder("expand_window", (model, x, isTrain) -> {
      if (x instanceof Ragged ragged) {
        Floats y = SequenceOps.seq2col(ragged.data(), windowSize, ragged.lengths());
        return new ForwardResult<>((T) ragged.withData(y), dY -> (T) ragged.withData(
            SequenceOps.backpropSeq2col(((Ragged) dY).data(), windowSize, ragged.lengths())));
      }
      Floats floats = (Floats) x;
      Ints whole = Ints.of(new int[] {floats.rows()});
      return new ForwardResult<>((T) SequenceOps.seq2col(floats, windowSize, whole),
          dY -> (T) SequenceOps.backpropSeq2col((Floats) dY, windowSize, whole));
    }).attr("window_size", windowSize).build();
  }
}
