package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;

/**
 * Batch-free normalisation of inputs: each example (row, or image of any shape) is standardised
 * by its own mean and standard deviation, {@code y = (x − mean) / sqrt(var + 1e-6)}. No
 * parameters and no statistics across the batch, so training and prediction agree and a batch
 * of one behaves as any other; unlike {@link LayerNorm} there is no learned scale or shift.
 */
public final class InputNorm {
  private static final double EPSILON = 1e-6;

  private InputNorm() {}

  @Registered(category = "layers", name = "kiln.InputNorm.v1")
  public static Model<Floats, Floats> create() {
    return Model.<Floats, Floats>builder("inputnorm", InputNorm::forward).build();
  }

  private static ForwardResult<Floats, Floats> forward(Model<Floats, Floats> model, Floats x,
      boolean isTrain) {
    int rows = x.rows();
    int cols = x.cols();
    float[] in = x.data();
    Floats y = Floats.zeros(x.shape());
    float[] out = y.data();
    float[] invStd = new float[rows];
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      double mean = 0;
      for (int j = 0; j < cols; j++) {
        mean += in[row + j];
      }
      mean /= cols;
      double var = 0;
      for (int j = 0; j < cols; j++) {
        double d = in[row + j] - mean;
        var += d * d;
      }
      float inv = (float) (1.0 / Math.sqrt(var / cols + EPSILON));
      invStd[i] = inv;
      float shift = (float) mean;
      for (int j = 0; j < cols; j++) {
        out[row + j] = (in[row + j] - shift) * inv;
      }
    }
    return new ForwardResult<>(y, dY -> backward(dY, out, invStd, rows, cols));
  }

  /** {@code dX = inv · (dY − mean(dY) − Y · mean(dY ⊙ Y))} per row, Y being the output. */
  private static Floats backward(Floats dY, float[] y, float[] invStd, int rows, int cols) {
    float[] d = dY.data();
    Floats dX = Floats.zeros(dY.shape());
    float[] dx = dX.data();
    for (int i = 0; i < rows; i++) {
      int row = i * cols;
      double sum = 0;
      double dot = 0;
      for (int j = 0; j < cols; j++) {
        sum += d[row + j];
        dot += d[row + j] * (double) y[row + j];
      }
      // Float from here on, so the JIT vectorises the loop.
      float meanD = (float) (sum / cols);
      float meanDot = (float) (dot / cols);
      float inv = invStd[i];
      for (int j = 0; j < cols; j++) {
        dx[row + j] = inv * (d[row + j] - meanD - y[row + j] * meanDot);
      }
    }
    return dX;
  }
}
