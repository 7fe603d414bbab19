package dev.kiln.nn.layers;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Ops;
import java.util.List;

/**
 * Thinc's {@code Maxout(normalize=True)}: a chain of a Maxout layer and a {@link LayerNorm},
 * whose forward pass normalises each row while it is still in cache. A few rows of maxout
 * outputs go to a small buffer and are normalised from there, so the maxout output is never
 * written to memory or read back. Values, tree and weights are those of the plain chain.
 */
final class MaxoutNorm {
  /** Rows taken into the buffer at a time: a few kilobytes, well within the L1 cache. */
  private static final int BLOCK = 16;

  private MaxoutNorm() {}

  /** The chain {@code maxout >> layerNorm}, computed fused. */
  static Model<Floats, Floats> create(Model<Floats, Floats> maxout,
      Model<Floats, Floats> layerNorm) {
    return Chain.withForward(MaxoutNorm::forward, List.of(maxout, layerNorm));
  }

  /**
   * As above, with inverted dropout of {@code dropout} on the normalised output in training, the
   * chain's own {@code dropout_rate} (which training sets, as spaCy's {@code set_dropout_rate}
   * does): the values of {@code maxout >> layerNorm >> Dropout(dropout)} with the dropout's draws
   * from this node's stream.
   */
  static Model<Floats, Floats> create(Model<Floats, Floats> maxout,
      Model<Floats, Floats> layerNorm, double dropout) {
    Model<Floats, Floats> model = create(maxout, layerNorm);
    model.attrs().put(Dropout.RATE, dropout);
    return model;
  }

  @SuppressWarnings("unchecked")
  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    Model<Floats, Floats> maxout = (Model<Floats, Floats>) model.layers().get(0);
    Model<Floats, Floats> norm = (Model<Floats, Floats>) model.layers().get(1);
    int nO = maxout.getDim("nO");
    int nP = maxout.getDim("nP");
    int rows = x.rows();
    float[] z = Maxout.products(maxout, x);
    float[] bias = Maxout.pieceMajorBias(maxout);
    byte[] which = new byte[rows * nO];
    float[] g = norm.getParam("G").data();
    float[] b = norm.getParam("b").data();
    float[] xhat = new float[rows * nO];
    float[] invStd = new float[rows];
    Floats y = Floats.zeros(rows, nO);
    float[] out = y.data();
    Ops.get().pool().parallelFor(rows, LayerNorm.rowsPerTask(nO), (first, end) -> {
      float[] block = new float[BLOCK * nO];
      for (int start = first; start < end; start += BLOCK) {
        int stop = Math.min(end, start + BLOCK);
        Maxout.argMax(z, bias, start, stop, nO, nP, which, block, start);
        for (int i = start; i < stop; i++) {
          LayerNorm.normalizeRow(block, (i - start) * nO, nO, g, b, xhat, out, i * nO, invStd, i);
        }
      }
    });
    float rate = isTrain ? Dropout.rateOf(model) : 0f;
    if (rate == 0f) {
      return new ForwardResult<>(y, dY -> Maxout.backward(maxout, x, which,
          LayerNorm.backward(norm, dY, xhat, invStd, rows, nO)));
    }
    long key = model.rng().nextLong();
    Dropout.mask(key, rate, y, y);
    return new ForwardResult<>(y, dY -> {
      Floats kept = Floats.zeros(dY.shape());
      Dropout.mask(key, rate, dY, kept);
      return Maxout.backward(maxout, x, which, LayerNorm.backward(norm, kept, xhat, invStd, rows, nO));
    });
  }
}
