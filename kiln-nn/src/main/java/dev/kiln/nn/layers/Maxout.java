package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.ops.Scratch;
import dev.kiln.nn.ops.WorkPool;
import java.util.Arrays;

/**
 * A dense layer with {@code nP} pieces per output that keeps the largest:
 * {@code Y[n, o] = max_p (X·W[o, p]ᵀ + b[o, p])}. W is (nO, nP, nI) and b (nO, nP), Thinc's
 * layout; Thinc's {@code Maxout}.
 */
public final class Maxout {
  private Maxout() {}

  /**
   * @param nO output width, inferred from sample output when null
   * @param nI input width, inferred from sample input when null
   * @param nP pieces per output
   * @param initW weight initializer, Glorot-uniform when null
   * @param initB bias initializer, zeros when null
   * @param dropout when set, a {@link Dropout} of this rate follows (chained)
   * @param normalize when true, a {@link LayerNorm} follows before dropout
   */
  @Registered(category = "layers", name = "Maxout.v1")
  public static Model<Floats, Floats> create(
      @Default("null") Integer nO,
      @Default("null") Integer nI,
      @Default("3") int nP,
      @Name("init_W") @Default("null") Initializer initW,
      @Name("init_b") @Default("null") Initializer initB,
      @Default("null") Double dropout,
      @Default("false") boolean normalize) {
    Model<Floats, Floats> model = maxout(nO, nI, nP, initW, initB);
    // Thinc's chain of Maxout and LayerNorm (then Dropout); the pair is trained fused.
    Model<Floats, Floats> layer = normalize
        ? MaxoutNorm.create(model, LayerNorm.create(nO)) : model;
    return Dense.withExtras(layer, nO, dropout, false);
  }

  /**
   * Thinc's {@code Maxout(normalize=True, dropout=dropout)}, as spaCy's tok2vec layers build it,
   * with the dropout inside the fused maxout-norm node instead of in a node after it: the tree,
   * and so the weights' names, stay those of {@code Maxout(normalize=True)}, and text pipelines
   * saved before kiln applied dropout there still load.
   */
  public static Model<Floats, Floats> normalizedWithDropout(Integer nO, Integer nI, int nP, double dropout) {
    return MaxoutNorm.create(maxout(nO, nI, nP, null, null), LayerNorm.create(nO), dropout);
  }

  private static Model<Floats, Floats> maxout(Integer nO, Integer nI, int nP, Initializer initW, Initializer initB) {
    Initializer w = initW != null ? initW : Initializers.glorotUniform();
    Initializer b = initB != null ? initB : Initializers.zeroInit();
    return Model.<Floats, Floats>builder("maxout", Maxout::forward)
        .dim("nO", nO)
        .dim("nI", nI)
        .dim("nP", nP)
        .params("W", "b")
        .init((m, x, y) -> init(m, x, y, w, b))
        .build();
  }

  private static void init(Model<Floats, Floats> model, Floats x, Floats y, Initializer initW,
      Initializer initB) {
    if (x != null) {
      model.setDim("nI", x.cols());
    }
    if (y != null) {
      model.setDim("nO", y.cols());
    }
    int nO = model.getDim("nO");
    int nP = model.getDim("nP");
    int nI = model.getDim("nI");
    // Thinc passes the 3-d shape, so its initializers take nO and nP as the fans; kept for
    // parity with models trained in Thinc and spaCy.
    model.setParam("W", initW.apply(model.rng(), nO, nP, nI));
    model.setParam("b", initB.apply(model.rng(), nO, nP));
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int nO = model.getDim("nO");
    int nP = model.getDim("nP");
    int rows = x.rows();
    float[] z = products(model, x);
    float[] bias = pieceMajorBias(model);
    Floats y = Floats.zeros(rows, nO);
    byte[] which = new byte[rows * nO];
    Ops.get().pool().parallelFor(rows, Math.max(1, 2048 / nO),
        (first, end) -> argMax(z, bias, first, end, nO, nP, which, y.data(), 0));
    return new ForwardResult<>(y, dY -> backward(model, x, which, dY));
  }

  /**
   * The products of every piece, {@code x·Wᵀ} without bias, into this thread's scratch buffer.
   * They come out piece-major, (rows, nP, nO), so that the arg-max walks each piece's outputs
   * contiguously; each product is the same dot product as with W's own order.
   */
  static float[] products(Model<Floats, Floats> model, Floats x) {
    int nO = model.getDim("nO");
    int nP = model.getDim("nP");
    int nI = model.getDim("nI");
    Dense.checkInput(model, x, nI);
    int rows = x.rows();
    int width = nO * nP;
    float[] z = Scratch.floats(rows * width);
    Ops.get().gemm(false, true, rows, width, nI, 1f, x.data(), 0,
        pieceMajor(model.getParam("W").data(), nO, nP, nI), 0, 0f, z, 0);
    return z;
  }

  /** The bias in the products' piece-major order. */
  static float[] pieceMajorBias(Model<Floats, Floats> model) {
    return pieceMajor(model.getParam("b").data(), model.getDim("nO"), model.getDim("nP"), 1);
  }

  /** The gradient of the input, given the winning pieces and the outputs' gradient. */
  static Floats backward(Model<Floats, Floats> model, Floats x, byte[] which, Floats dY) {
    int nO = model.getDim("nO");
    int nP = model.getDim("nP");
    int nI = model.getDim("nI");
    int rows = x.rows();
    int width = nO * nP;
    float[] dZ = scatter(dY.data(), which, rows, nO, nP, model.grad("b").data());
    Ops.get().gemm(true, false, width, nI, rows, 1f, dZ, 0, x.data(), 0, 1f,
        model.grad("W").data(), 0);
    Floats dX = Floats.zeros(rows, nI);
    Ops.get().gemm(false, false, rows, nI, width, 1f, dZ, 0, model.getParam("W").data(), 0,
        0f, dX.data(), 0);
    return dX;
  }

  /** A copy of (nO, nP, inner) values reordered to (nP, nO, inner). */
  private static float[] pieceMajor(float[] values, int nO, int nP, int inner) {
    float[] out = new float[values.length];
    for (int o = 0; o < nO; o++) {
      for (int p = 0; p < nP; p++) {
        System.arraycopy(values, (o * nP + p) * inner, out, (p * nO + o) * inner, inner);
      }
    }
    return out;
  }

  /**
   * For rows {@code [first, end)} of piece-major products {@code z}: each output's winning piece
   * (the first of equal best values, as a strict comparison in piece order keeps) and its value
   * plus bias. The loops run along outputs with selects, not branches: which piece wins is
   * random, so branches would be mispredicted half the time. The running best is a
   * {@code Math.max}, which can differ from the winner's value only in the sign of a zero (or a
   * NaN), never in a comparison's result; the output is read back from the winner. Row
   * {@code r}'s outputs go to row {@code r - outRow} of {@code out}, so a caller can take a few
   * rows at a time into a small buffer.
   */
  static void argMax(float[] z, float[] bias, int first, int end, int nO, int nP,
      byte[] which, float[] out, int outRow) {
    if (nP == 3) {
      argMax3(z, bias, first, end, nO, which, out, outRow);
      return;
    }
    for (int row = first; row < end; row++) {
      int o0 = row * nO;
      int y0 = (row - outRow) * nO;
      int z0 = row * nO * nP;
      for (int o = 0; o < nO; o++) {
        out[y0 + o] = z[z0 + o] + bias[o];
        which[o0 + o] = 0;
      }
      for (int p = 1; p < nP; p++) {
        int piece = z0 + p * nO;
        for (int o = 0; o < nO; o++) {
          float value = z[piece + o] + bias[p * nO + o];
          float best = out[y0 + o];
          which[o0 + o] = (byte) (value > best ? p : which[o0 + o]);
          out[y0 + o] = Math.max(best, value);
        }
      }
      readBack(z, bias, o0, y0, z0, nO, which, out);
    }
  }

  /** {@link #argMax} for three pieces (spaCy's default), the pieces held in registers. */
  private static void argMax3(float[] z, float[] bias, int first, int end, int nO, byte[] which,
      float[] out, int outRow) {
    for (int row = first; row < end; row++) {
      int o0 = row * nO;
      int y0 = (row - outRow) * nO;
      int z0 = row * nO * 3;
      for (int o = 0; o < nO; o++) {
        float v0 = z[z0 + o] + bias[o];
        float v1 = z[z0 + nO + o] + bias[nO + o];
        float v2 = z[z0 + 2 * nO + o] + bias[2 * nO + o];
        int best = v1 > v0 ? 1 : 0;
        best = v2 > Math.max(v0, v1) ? 2 : best;
        which[o0 + o] = (byte) best;
        out[y0 + o] = z[z0 + best * nO + o] + bias[best * nO + o];
      }
    }
  }

  /** Each output of one row: its winning piece's product plus bias. */
  private static void readBack(float[] z, float[] bias, int o0, int y0, int z0, int nO,
      byte[] which, float[] out) {
    for (int o = 0; o < nO; o++) {
      int p = which[o0 + o];
      out[y0 + o] = z[z0 + p * nO + o] + bias[p * nO + o];
    }
  }

  /**
   * The products' gradient, in W's (rows, nO, nP) order, into this thread's scratch buffer: each
   * output's gradient goes to the piece that won, zero to the others; the bias gradient
   * {@code db} gets the same values, in row order as a column sum would add them. The products
   * are split over the pool by rows, the bias by outputs, so each bias entry is still summed by
   * one thread in row order.
   */
  private static float[] scatter(float[] dY, byte[] which, int rows, int nO, int nP, float[] db) {
    float[] dZ = Scratch.floats(rows * nO * nP);
    WorkPool pool = Ops.get().pool();
    pool.parallelFor(rows, Math.max(1, 2048 / nO), (first, end) -> {
      Arrays.fill(dZ, first * nO * nP, end * nO * nP, 0f);
      for (int i = first * nO; i < end * nO; i++) {
        dZ[i * nP + which[i]] = dY[i];
      }
    });
    // Each task sums into a copy of its own bias entries, written back at the end: two threads
    // adding into neighbouring entries of db on every row would share a cache line.
    pool.parallelFor(nO, 8, (from, to) -> {
      float[] sums = Arrays.copyOfRange(db, from * nP, to * nP);
      for (int row = 0; row < rows; row++) {
        for (int o = from; o < to; o++) {
          int i = row * nO + o;
          sums[(o - from) * nP + which[i]] += dY[i];
        }
      }
      System.arraycopy(sums, 0, db, from * nP, sums.length);
    });
    return dZ;
  }
}
