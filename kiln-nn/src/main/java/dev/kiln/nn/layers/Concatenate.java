package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every layer on the same input and joins their 2-d outputs side by side; the input's
 * gradient is the sum of the layers' input gradients. Thinc's {@code concatenate}.
 */
public final class Concatenate {
  /** Rows per pool task when copying: enough bytes to outweigh handing a task out. */
  private static final int COPY_GRAIN = 512;

  private Concatenate() {}

  @Registered(category = "layers", name = "concatenate.v1")
  public static <I> Model<I, Floats> create(Model<?, ?>... layers) {
    return create(List.of(layers));
  }

  public static <I> Model<I, Floats> create(List<? extends Model<?, ?>> layers) {
    return Model.<I, Floats>builder("concatenate", Concatenate::forward)
        .init(Combinators::initSameInput)
        .dim("nO", null)
        .dim("nI", null)
        .layers(layers)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <I> ForwardResult<I, Floats> forward(Model<I, Floats> model, I x,
      boolean isTrain) {
    List<Model<?, ?>> layers = model.layers();
    if (x instanceof Ints ids && HashEmbed.allHashEmbeds(layers)) {
      return (ForwardResult<I, Floats>) (ForwardResult<?, ?>) HashEmbed.concatenated(
          (List<Model<Ints, Floats>>) (List<?>) layers, ids, isTrain);
    }
    List<Backprop<Object, Floats>> callbacks = new ArrayList<>();
    List<Floats> outputs = new ArrayList<>();
    int rows = -1;
    int width = 0;
    for (Model<?, ?> layer : layers) {
      ForwardResult<Object, Floats> r = ((Model<Object, Floats>) layer).call(x, isTrain);
      callbacks.add(r.backprop());
      outputs.add(r.output());
      rows = r.output().rows();
      width += r.output().cols();
    }
    int nRows = rows;
    int nCols = width;
    Floats y = Floats.zeros(rows, width);
    int[] offsets = new int[outputs.size()];
    int offset = 0;
    for (int l = 0; l < outputs.size(); l++) {
      offsets[l] = offset;
      offset += outputs.get(l).cols();
    }
    // Row copies, split over the pool by rows.
    Ops.get().pool().parallelFor(rows, COPY_GRAIN, (first, end) -> {
      for (int l = 0; l < outputs.size(); l++) {
        Floats part = outputs.get(l);
        for (int i = first; i < end; i++) {
          System.arraycopy(part.data(), i * part.cols(), y.data(), i * nCols + offsets[l],
              part.cols());
        }
      }
    });
    Backprop<I, Floats> backprop = dY -> {
      Object dX = null;
      for (int l = 0; l < callbacks.size(); l++) {
        int cols = outputs.get(l).cols();
        int from = offsets[l];
        Floats slice = Floats.zeros(nRows, cols);
        Ops.get().pool().parallelFor(nRows, COPY_GRAIN, (first, end) -> {
          for (int i = first; i < end; i++) {
            System.arraycopy(dY.data(), i * nCols + from, slice.data(), i * cols, cols);
          }
        });
        dX = Combinators.sumGradients(dX, callbacks.get(l).apply(slice));
      }
      return (I) dX;
    };
    return new ForwardResult<>(y, backprop);
  }
}
