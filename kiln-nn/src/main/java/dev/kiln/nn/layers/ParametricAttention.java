package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ragged;

/**
 * Weighs each row of a sequence by its attention: the softmax, over the rows of its own
 * sequence, of the row's dot product with a learned vector {@code Q} (width nO). Thinc's
 * {@code ParametricAttention}; followed by {@code reduce_sum} it gives an attention-weighted
 * average, as spaCy's text classifier ensemble uses it. {@code Q} starts at zero, so attention
 * starts uniform.
 */
public final class ParametricAttention {
  private ParametricAttention() {}

  /** @param nO the row width, inferred from sample input when null */
  @Registered(category = "layers", name = "ParametricAttention.v1")
  public static Model<Ragged, Ragged> create(@Default("null") Integer nO) {
    return Model.<Ragged, Ragged>builder("para-attn", ParametricAttention::forward)
        .init(ParametricAttention::init)
        .dim("nO", nO)
        .params("Q")
        .build();
  }

  private static void init(Model<Ragged, Ragged> model, Ragged x, Ragged y) {
    if (x != null) {
      model.setDim("nO", x.width());
    } else if (y != null) {
      model.setDim("nO", y.width());
    }
    model.setParam("Q", Floats.zeros(model.getDim("nO")));
  }

  private static ForwardResult<Ragged, Ragged> forward(Model<Ragged, Ragged> model, Ragged x,
      boolean isTrain) {
    int width = model.getDim("nO");
    float[] q = model.getParam("Q").data();
    float[] in = x.data().data();
    int[] starts = x.starts();
    int rows = x.data().rows();
    float[] attention = new float[rows];
    for (int s = 0; s + 1 < starts.length; s++) {
      softmaxOfScores(in, q, width, starts[s], starts[s + 1], attention);
    }
    Floats y = Floats.zeros(rows, width);
    float[] out = y.data();
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < width; j++) {
        out[r * width + j] = in[r * width + j] * attention[r];
      }
    }
    return new ForwardResult<>(x.withData(y), dY -> x.withData(
        backward(model, dY.data().data(), in, attention, starts, width)));
  }

  /** {@code attention[from, to)}: the softmax of each row's dot product with {@code q}. */
  private static void softmaxOfScores(float[] in, float[] q, int width, int from, int to,
      float[] attention) {
    float max = Float.NEGATIVE_INFINITY;
    for (int r = from; r < to; r++) {
      float score = 0;
      for (int j = 0; j < width; j++) {
        score += in[r * width + j] * q[j];
      }
      attention[r] = score;
      max = Math.max(max, score);
    }
    float sum = 0;
    for (int r = from; r < to; r++) {
      attention[r] = (float) Math.exp(attention[r] - max);
      sum += attention[r];
    }
    for (int r = from; r < to; r++) {
      attention[r] /= sum;
    }
  }

  /**
   * The input's gradient: through the weighting ({@code dY · attention}) and through the
   * attention itself (the softmax's gradient of {@code Σ X·dY} per row, times {@code Q}); adds
   * {@code Q}'s gradient.
   */
  private static Floats backward(Model<Ragged, Ragged> model, float[] dy, float[] in,
      float[] attention, int[] starts, int width) {
    float[] q = model.getParam("Q").data();
    float[] dq = model.grad("Q").data();
    int rows = attention.length;
    Floats dX = Floats.zeros(rows, width);
    float[] dx = dX.data();
    float[] dScore = new float[rows];
    for (int s = 0; s + 1 < starts.length; s++) {
      float weighted = 0;
      for (int r = starts[s]; r < starts[s + 1]; r++) {
        float dAttention = 0;
        for (int j = 0; j < width; j++) {
          dAttention += in[r * width + j] * dy[r * width + j];
        }
        dScore[r] = dAttention;
        weighted += attention[r] * dAttention;
      }
      for (int r = starts[s]; r < starts[s + 1]; r++) {
        dScore[r] = attention[r] * (dScore[r] - weighted);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < width; j++) {
        dx[r * width + j] = dy[r * width + j] * attention[r] + dScore[r] * q[j];
        dq[j] += in[r * width + j] * dScore[r];
      }
    }
    return dX;
  }
}
