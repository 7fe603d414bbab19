package dev.kiln.text.textcat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * Wraps the bag-of-n-grams model for use inside a larger network. On its own its backward pass
 * takes the gradient of the logits (what the categorizer's loss gives); inside the ensemble the
 * next layer gives the gradient of its probabilities, so this wrapper multiplies by the
 * softmax or sigmoid Jacobian first, as Thinc's activation layers do.
 */
final class ProbabilityGradient {
  private ProbabilityGradient() {}

  static Model<List<Doc>, Floats> wrap(Model<List<Doc>, Floats> bow, boolean exclusive) {
    return Model.<List<Doc>, Floats>builder("probability_gradient", (model, docs, isTrain) -> {
      ForwardResult<List<Doc>, Floats> inner = bow.call(docs, isTrain);
      Floats y = inner.output();
      return new ForwardResult<>(y, dY -> inner.backprop().apply(logitGradient(y, dY, exclusive)));
    })
        .init((model, x, y) -> bow.initialize(x, y))
        .layers(List.of(bow))
        .build();
  }

  /** The gradient of the logits given that of the probabilities {@code y}, row by row. */
  static Floats logitGradient(Floats y, Floats dY, boolean exclusive) {
    int rows = y.rows();
    int cols = y.cols();
    Floats dZ = Floats.zeros(rows, cols);
    float[] p = y.data();
    float[] g = dY.data();
    float[] d = dZ.data();
    for (int row = 0; row < rows; row++) {
      int base = row * cols;
      if (exclusive) {
        float dot = 0;
        for (int o = 0; o < cols; o++) {
          dot += p[base + o] * g[base + o];
        }
        for (int o = 0; o < cols; o++) {
          d[base + o] = p[base + o] * (g[base + o] - dot);
        }
      } else {
        for (int o = 0; o < cols; o++) {
          d[base + o] = g[base + o] * p[base + o] * (1 - p[base + o]);
        }
      }
    }
    return dZ;
  }
}
