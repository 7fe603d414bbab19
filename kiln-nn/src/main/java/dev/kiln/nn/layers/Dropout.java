package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;

/**
 * Inverted dropout: in training each value is zeroed with probability {@code rate} and the
 * rest scaled by {@code 1 / (1 - rate)}; at prediction the input passes through. Thinc's
 * {@code Dropout}. Accepts a {@link Floats} or a {@link Ragged}; the mask comes from the
 * layer's seeded {@link dev.kiln.nn.Rng}.
 */
public final class Dropout {
  private Dropout() {}

  /** @param rate the probability of zeroing a value, in [0, 1) */
  @Registered(category = "layers", name = "Dropout.v1")
  public static <T> Model<T, T> create(@Default("0.0") double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new dev.kiln.config.KilnException(dev.kiln.config.ErrorCode.E106, "dropout",
          "rate", "in [0, 1)", rate);
    }
    return Model.<T, T>builder("dropout", Dropout::forward)
        .attr("dropout_rate", rate)
        .build();
  }

  /** The rate currently applied (schedules change it through {@link #setRate}). */
  public static double rate(Model<?, ?> model) {
    return (Double) model.attrs().get("dropout_rate");
  }

  public static void setRate(Model<?, ?> model, double rate) {
    model.attrs().put("dropout_rate", rate);
  }

  @SuppressWarnings("unchecked")
  private static <T> ForwardResult<T, T> forward(Model<T, T> model, T x, boolean isTrain) {
    float rate = (float) rate(model);
    if (!isTrain || rate == 0f) {
      return new ForwardResult<>(x, dY -> dY);
    }
    Floats data = x instanceof Ragged ragged ? ragged.data() : (Floats) x;
    float[] mask = new float[data.size()];
    Floats y = Floats.zeros(data.shape());
    long key = model.rng().nextLong();
    int blocks = (mask.length + Kernels.DROPOUT_BLOCK - 1) / Kernels.DROPOUT_BLOCK;
    Ops.get().pool().parallelFor(blocks, 2, (first, end) -> Kernels.dropout(key, rate,
        data.data(), mask, y.data(), first * Kernels.DROPOUT_BLOCK,
        Math.min(mask.length, end * Kernels.DROPOUT_BLOCK)));
    Backprop<Floats, Floats> grad = dY -> {
      Floats dX = Floats.zeros(dY.shape());
      Kernels.multiply(dY.data(), mask, dX.data(), mask.length);
      return dX;
    };
    if (x instanceof Ragged ragged) {
      return new ForwardResult<>((T) ragged.withData(y),
          dY -> (T) ((Ragged) dY).withData(grad.apply(((Ragged) dY).data())));
    }
    return new ForwardResult<>((T) y, dY -> (T) grad.apply((Floats) dY));
  }
}
