package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;

/**
 * Normalises each row to zero mean and unit variance, then scales by {@code G} and shifts by
 * {@code b} (both of width nI); Thinc's {@code LayerNorm}.
 */
public final class LayerNorm {
  private static final float EPSILON = 1e-8f;

  private LayerNorm() {}

  /** @param nI the row width, inferred from sample input when null */
  @Registered(category = "layers", name = "LayerNorm.v1")
  public static Model<Floats, Floats> create(@Default("null") Integer nI) {
    return Model.<Floats, Floats>builder("layernorm", LayerNorm::forward)
        .init(LayerNorm::init)
        .dim("nI", nI)
        .dim("nO", nI)
        .params("G", "b")
        .build();
  }

  private static void init(Model<Floats, Floats> model, Floats x, Floats y) {
    if (x != null) {
      model.setDim("nI", x.cols());
    }
    if (y != null) {
      model.setDim("nI", y.cols());
    }
    int nI = model.getDim("nI");
    model.setDim("nO", nI);
    Floats g = Floats.zeros(nI);
    java.util.Arrays.fill(g.data(), 1f);
    model.setParam("G", g);
    model.setParam("b", Floats.zeros(nI));
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int nI = model.getDim("nI");
    Dense.checkInput(model, x, nI);
    int rows = x.rows();
    float[] in = x.data();
    float[] g = model.getParam("G").data();
    float[] b = model.getParam("b").data();
    float[] xhat = new float[in.length];
    float[] invStd = new float[rows];
    Floats y = Floats.zeros(x.shape());
    float[] out = y.data();
    for (int i = 0; i < rows; i++) {
      int row = i * nI;
      double mean = 0;
      for (int j = 0; j < nI; j++) {
        mean += in[row + j];
      }
      mean /= nI;
      double var = 0;
      for (int j = 0; j < nI; j++) {
        double d = in[row + j] - mean;
        var += d * d;
      }
      var /= nI;
      float inv = (float) (1.0 / Math.sqrt(var + EPSILON));
      invStd[i] = inv;
      for (int j = 0; j < nI; j++) {
        float h = (float) ((in[row + j] - mean) * inv);
        xhat[row + j] = h;
        out[row + j] = h * g[j] + b[j];
      }
    }
    Backprop<Floats, Floats> backprop = dY -> backward(model, dY, xhat, invStd, rows, nI);
    return new ForwardResult<>(y, backprop);
  }

  private static Floats backward(Model<Floats, Floats> model, Floats dY, float[] xhat,
      float[] invStd, int rows, int nI) {
    float[] d = dY.data();
    float[] g = model.getParam("G").data();
    float[] dG = model.grad("G").data();
    float[] db = model.grad("b").data();
    Floats dX = Floats.zeros(dY.shape());
    float[] dx = dX.data();
    for (int i = 0; i < rows; i++) {
      int row = i * nI;
      double sum = 0;
      double dot = 0;
      for (int j = 0; j < nI; j++) {
        float dh = d[row + j] * g[j];
        dG[j] += d[row + j] * xhat[row + j];
        db[j] += d[row + j];
        sum += dh;
        dot += dh * xhat[row + j];
      }
      double meanDh = sum / nI;
      double meanDot = dot / nI;
      for (int j = 0; j < nI; j++) {
        float dh = d[row + j] * g[j];
        dx[row + j] = (float) (invStd[i] * (dh - meanDh - xhat[row + j] * meanDot));
      }
    }
    return dX;
  }
}
