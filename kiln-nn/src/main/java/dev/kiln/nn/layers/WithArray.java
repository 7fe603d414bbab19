package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.array.RaggedSequences;
import dev.kiln.nn.ops.SequenceOps;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a layer that works on one 2-d array to sequence data: a list of arrays (of floats or
 * of ids), a {@link Ragged} or a {@link Padded} is flattened to rows, transformed, and given its
 * structure back. Thinc's {@code with_array}.
 */
public final class WithArray {
  private WithArray() {}

  /** @param pad accepted for Thinc compatibility; windows never cross sequences here */
  @Registered(category = "layers", name = "with_array.v1")
  public static <I, O> Model<I, O> create(Model<?, Floats> layer, @Default("0") int pad) {
    return Model.<I, O>builder("with_array", WithArray::forward)
        .init(WithArray::init)
        .dim("nO", layer.maybeDim("nO").isPresent() ? layer.getDim("nO") : null)
        .dim("nI", layer.maybeDim("nI").isPresent() ? layer.getDim("nI") : null)
        .attr("pad", pad)
        .layers(List.of(layer))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <I, O> void init(Model<I, O> model, I x, O y) {
    Model<Object, Object> layer = (Model<Object, Object>) model.layers().get(0);
    layer.initialize(x == null ? null : flatten(x), y == null ? null : flatten(y));
    layer.maybeDim("nO").ifPresent(nO -> model.setDim("nO", nO));
    layer.maybeDim("nI").ifPresent(nI -> model.setDim("nI", nI));
  }

  @SuppressWarnings("unchecked")
  private static <I, O> ForwardResult<I, O> forward(Model<I, O> model, I x, boolean isTrain) {
    Model<Object, Floats> layer = (Model<Object, Floats>) model.layers().get(0);
    ForwardResult<Object, Floats> inner = layer.call(flatten(x), isTrain);
    O y = (O) restore(x, inner.output());
    return new ForwardResult<>(y, dY -> {
      Object dX = inner.backprop().apply((Floats) flatten(dY));
      return (I) restore(x, dX);
    });
  }

  /** The rows of structured data as one array (floats or ids). */
  @SuppressWarnings("unchecked")
  static Object flatten(Object x) {
    if (x instanceof Floats || x instanceof Ints) {
      return x;
    }
    if (x instanceof Ragged ragged) {
      return ragged.data();
    }
    if (x instanceof Padded padded) {
      Floats data = padded.data();
      return data.reshape(data.dim(0) * data.dim(1), data.dim(2));
    }
    if (x instanceof RaggedSequences sequences) {
      return SequenceOps.flatten(sequences).data();
    }
    if (x instanceof List<?> list) {
      if (!list.isEmpty() && list.get(0) instanceof Ints) {
        return concatInts((List<Ints>) list);
      }
      return SequenceOps.flatten((List<Floats>) list).data();
    }
    throw new IllegalArgumentException("with_array: cannot flatten " + x.getClass().getName());
  }

  /** Gives {@code rows} (floats, or ids for an id gradient) the structure of {@code like}. */
  @SuppressWarnings("unchecked")
  static Object restore(Object like, Object rows) {
    if (like instanceof Floats || like instanceof Ints) {
      return rows;
    }
    if (like instanceof Ragged ragged) {
      return rows instanceof Floats f ? ragged.withData(f) : rows;
    }
    if (like instanceof Padded padded && rows instanceof Floats f) {
      Floats d = padded.data();
      return new Padded(f.reshape(d.dim(0), d.dim(1), f.cols()), padded.lengths());
    }
    if (like instanceof RaggedSequences sequences && rows instanceof Floats f) {
      // Its lengths without reading (and so copying out) its sequences.
      return SequenceOps.unflatten(sequences.source().withData(f));
    }
    if (like instanceof List<?> list && rows instanceof Floats f) {
      int[] lengths = new int[list.size()];
      for (int i = 0; i < lengths.length; i++) {
        Object item = list.get(i);
        lengths[i] = item instanceof Ints ids ? ids.rows() : ((Floats) item).rows();
      }
      return SequenceOps.unflatten(new Ragged(f, Ints.of(lengths)));
    }
    if (like instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      int row = 0;
      for (Object item : list) {
        int n = item instanceof Ints ids ? ids.rows() : ((Floats) item).rows();
        out.add(sliceRows(rows, row, n));
        row += n;
      }
      return out;
    }
    throw new IllegalArgumentException("with_array: cannot restore " + like.getClass().getName());
  }

  private static Object sliceRows(Object rows, int from, int n) {
    if (rows instanceof Floats f) {
      int width = f.cols();
      float[] part = new float[n * width];
      System.arraycopy(f.data(), from * width, part, 0, part.length);
      return Floats.of(part, n, width);
    }
    Ints ids = (Ints) rows;
    int width = ids.cols();
    int[] part = new int[n * width];
    System.arraycopy(ids.data(), from * width, part, 0, part.length);
    return ids.shape().length == 1 ? Ints.of(part) : Ints.of(part, n, width);
  }

  private static Ints concatInts(List<Ints> list) {
    int total = 0;
    for (Ints ids : list) {
      total += ids.size();
    }
    int[] data = new int[total];
    int offset = 0;
    for (Ints ids : list) {
      System.arraycopy(ids.data(), 0, data, offset, ids.size());
      offset += ids.size();
    }
    Ints first = list.get(0);
    return first.shape().length == 1 ? Ints.of(data) : Ints.of(data, total / first.cols(),
        first.cols());
  }
}
