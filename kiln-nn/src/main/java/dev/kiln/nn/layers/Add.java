package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every layer on the same input and sums their outputs, which must have one shape;
 * Thinc's {@code add}.
 */
public final class Add {
  private Add() {}

  @Registered(category = "layers", name = "add.v1")
  public static <I> Model<I, Floats> create(Model<?, ?>... layers) {
    return create(List.of(layers));
  }

  public static <I> Model<I, Floats> create(List<? extends Model<?, ?>> layers) {
    return Model.<I, Floats>builder("add", Add::forward)
        .init((model, x, y) -> {
          Combinators.initSameInput(model, x, y);
          model.layers().get(0).maybeDim("nO").ifPresent(nO -> model.setDim("nO", nO));
        })
        .dim("nO", null)
        .dim("nI", null)
        .layers(layers)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static <I> ForwardResult<I, Floats> forward(Model<I, Floats> model, I x,
      boolean isTrain) {
    List<Backprop<Object, Floats>> callbacks = new ArrayList<>();
    Floats y = null;
    for (Model<?, ?> layer : model.layers()) {
      ForwardResult<Object, Floats> r = ((Model<Object, Floats>) layer).call(x, isTrain);
      callbacks.add(r.backprop());
      if (y == null) {
        y = r.output().copy();
      } else {
        Kernels.addInPlace(y.data(), r.output().data(), y.size());
      }
    }
    Backprop<I, Floats> backprop = dY -> {
      Object dX = null;
      for (Backprop<Object, Floats> callback : callbacks) {
        dX = Combinators.sumGradients(dX, callback.apply(dY));
      }
      return (I) dX;
    };
    return new ForwardResult<>(y, backprop);
  }
}
