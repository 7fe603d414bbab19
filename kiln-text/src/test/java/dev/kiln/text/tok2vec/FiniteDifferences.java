package dev.kiln.text.tok2vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares the parameter gradients of a model over documents with central finite differences of
 * {@code L = Σ Y ⊙ R} for a fixed random R. The step is small because Maxout switches pieces
 * and layer norm over a few units curves sharply: larger steps measure those, not the slope. Documents have no gradient, so only parameters are
 * checked; at most {@link #PER_PARAM} entries of each, the ones with the largest gradients
 * (hash tables are mostly rows no key uses).
 */
final class FiniteDifferences {
  private static final double STEP = 1e-4;
  private static final int PER_PARAM = 12;

  private FiniteDifferences() {}

  static void check(Model<List<Doc>, List<Floats>> model, List<Doc> docs, double tolerance) {
    ForwardResult<List<Doc>, List<Floats>> result = model.beginUpdate(docs);
    Rng rng = new Rng(99);
    List<Floats> r = new ArrayList<>();
    for (Floats y : result.output()) {
      float[] values = new float[y.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) rng.nextGaussian();
      }
      r.add(Floats.of(values, y.rows(), y.cols()));
    }
    zeroGrads(model);
    result.backprop().apply(r);
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Model<?, ?>> node : model.walkWithPaths().entrySet()) {
      for (String param : node.getValue().paramNames()) {
        float[] weights = node.getValue().getParam(param).data();
        float[] grad = node.getValue().grad(param).data();
        for (int i : largest(grad)) {
          float saved = weights[i];
          weights[i] = (float) (saved + STEP);
          double plus = loss(model, docs, r);
          weights[i] = (float) (saved - STEP);
          double minus = loss(model, docs, r);
          weights[i] = saved;
          double numeric = (plus - minus) / (2 * STEP);
          double scale = Math.max(1.0, Math.max(Math.abs(numeric), Math.abs(grad[i])));
          if (Math.abs(numeric - grad[i]) / scale >= tolerance) {
            failures.add(String.format("%s:%s[%d]: analytic %f, numeric %f", node.getKey(), param, i, grad[i], numeric));
          }
          checked++;
        }
      }
    }
    assertThat(failures).as("gradients that differ from finite differences").isEmpty();
    assertThat(checked).isGreaterThan(20);
  }

  private static int[] largest(float[] grad) {
    Integer[] order = new Integer[grad.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(Math.abs(grad[b]), Math.abs(grad[a])));
    int n = Math.min(PER_PARAM, order.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static double loss(Model<List<Doc>, List<Floats>> model, List<Doc> docs, List<Floats> r) {
    List<Floats> y = model.beginUpdate(docs).output();
    double sum = 0;
    for (int d = 0; d < y.size(); d++) {
      float[] a = y.get(d).data();
      float[] b = r.get(d).data();
      for (int i = 0; i < a.length; i++) {
        sum += (double) a[i] * b[i];
      }
    }
    return sum;
  }

  private static void zeroGrads(Model<?, ?> model) {
    for (Model<?, ?> node : model.walk()) {
      for (String param : node.paramNames()) {
        if (node.hasParam(param)) {
          Arrays.fill(node.grad(param).data(), 0f);
        }
      }
    }
  }
}
