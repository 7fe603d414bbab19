package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.ops.WorkPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Inverted dropout: in training each value is zeroed with probability {@code rate} and the
 * rest scaled by {@code 1 / (1 - rate)}; at prediction the input passes through. Thinc's
 * {@code Dropout}. Accepts an array, a {@link Ragged}, a {@link Padded} or a list of arrays;
 * the masks come from the layer's seeded {@link dev.kiln.nn.Rng}.
 */
public final class Dropout {
  /** The attribute holding a layer's dropout rate, which {@link #setRates} sets. */
  static final String RATE = "dropout_rate";

  private Dropout() {}

  /**
   * spaCy's {@code set_dropout_rate}: sets the rate of every layer of {@code model}'s tree that
   * applies dropout, before a training step. A layer whose rate is unset (null: a HashEmbed
   * without {@code dropout}) applies none and keeps it unset, as a Thinc layer without the
   * attribute does.
   */
  public static void setRates(Model<?, ?> model, double rate) {
    for (Model<?, ?> node : model.walk()) {
      if (node.attrs().get(RATE) != null) {
        node.attrs().put(RATE, rate);
      }
    }
  }

  /** {@code model}'s dropout rate, 0 when unset. */
  static float rateOf(Model<?, ?> model) {
    return model.attrs().get(RATE) instanceof Number rate ? rate.floatValue() : 0f;
  }

  /** @param rate the probability of zeroing a value, in [0, 1) */
  @Registered(category = "layers", name = "Dropout.v1")
  public static <T> Model<T, T> create(@Default("0.0") double rate) {
    if (!isRate(rate)) {
      throw new dev.kiln.config.KilnException(dev.kiln.config.ErrorCode.E106, "dropout",
          "rate", "in [0, 1)", rate);
    }
    return Model.<T, T>builder("dropout", Dropout::forward)
        .attr(RATE, rate)
        .build();
  }

  /** Whether {@code rate} can be a dropout rate: in [0, 1) (at 1 nothing would pass; NaN is not). */
  public static boolean isRate(double rate) {
    return rate >= 0 && rate < 1;
  }

  /** The rate currently applied (schedules change it through {@link #setRate}). */
  public static double rate(Model<?, ?> model) {
    return (Double) model.attrs().get(RATE);
  }

  public static void setRate(Model<?, ?> model, double rate) {
    model.attrs().put(RATE, rate);
  }

  @SuppressWarnings("unchecked")
  private static <T> ForwardResult<T, T> forward(Model<T, T> model, T x, boolean isTrain) {
    float rate = (float) rate(model);
    if (!isTrain || rate == 0f) {
      return new ForwardResult<>(x, dY -> dY);
    }
    if (x instanceof Ragged ragged) {
      ForwardResult<Floats, Floats> inner = apply(model, ragged.data(), rate);
      return new ForwardResult<>((T) ragged.withData(inner.output()),
          dY -> (T) ((Ragged) dY).withData(inner.backprop().apply(((Ragged) dY).data())));
    }
    if (x instanceof Padded padded) {
      ForwardResult<Floats, Floats> inner = apply(model, padded.data(), rate);
      return new ForwardResult<>((T) new Padded(inner.output(), padded.lengths()),
          dY -> (T) new Padded(inner.backprop().apply(((Padded) dY).data()), padded.lengths()));
    }
    if (x instanceof List<?> list) {
      List<ForwardResult<Floats, Floats>> parts = new ArrayList<>();
      List<Floats> outputs = new ArrayList<>();
      for (Object item : list) {
        ForwardResult<Floats, Floats> part = apply(model, (Floats) item, rate);
        parts.add(part);
        outputs.add(part.output());
      }
      return new ForwardResult<>((T) outputs, dY -> {
        List<Floats> grads = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          grads.add(parts.get(i).backprop().apply(((List<Floats>) dY).get(i)));
        }
        return (T) grads;
      });
    }
    return (ForwardResult<T, T>) (ForwardResult<?, ?>) apply(model, (Floats) x, rate);
  }

  /**
   * Masks one array, drawing a fresh key from the layer's stream; blocks run on the pool. The
   * mask is drawn again from the key for the gradient rather than kept: cheaper than writing and
   * reading an array of the input's size.
   */
  private static ForwardResult<Floats, Floats> apply(Model<?, ?> model, Floats x, float rate) {
    long key = model.rng().nextLong();
    Floats y = Floats.zeros(x.shape());
    mask(key, rate, x, y);
    return new ForwardResult<>(y, dY -> {
      Floats dX = Floats.zeros(dY.shape());
      mask(key, rate, dY, dX);
      return dX;
    });
  }

  /** {@code out = in} with the mask drawn from {@code key} applied; {@code out} may be {@code in}. */
  static void mask(long key, float rate, Floats in, Floats out) {
    inMaskBlocks(in.size(), (from, to) -> Kernels.applyDropoutMask(key, rate, in.data(),
        out.data(), from, to));
  }

  /**
   * Runs {@code body} over {@code [0, size)} on the pool in ranges that start on a mask block
   * ({@link Kernels#DROPOUT_BLOCK}), as the mask kernels need.
   */
  static void inMaskBlocks(int size, WorkPool.Chunk body) {
    int blocks = (size + Kernels.DROPOUT_BLOCK - 1) / Kernels.DROPOUT_BLOCK;
    Ops.get().pool().parallelFor(blocks, 2, (first, end) -> body.run(
        first * Kernels.DROPOUT_BLOCK, Math.min(size, end * Kernels.DROPOUT_BLOCK)));
  }
}
