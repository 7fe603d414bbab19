package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a document model's parameter gradients with central finite differences of
 * {@code L = Σ Y ⊙ R} for a fixed random R (the models here have no dropout).
 */
final class ParamGradientCheck {
  private static final double STEP = 1e-2;

  private ParamGradientCheck() {}

  static void check(Model<List<Doc>, Floats> model, List<Doc> docs, double tolerance) {
    var result = model.beginUpdate(docs);
    Floats r = Floats.zeros(result.output().shape());
    Rng rng = new Rng(99);
    for (int i = 0; i < r.size(); i++) {
      r.data()[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    for (Model<?, ?> node : model.walk()) {
      for (String param : node.paramNames()) {
        if (node.hasParam(param)) {
          Arrays.fill(node.grad(param).data(), 0f);
        }
      }
    }
    result.backprop().accumulate(r);
    Map<String, Floats> params = model.paramsByKey();
    assertThat(params).isNotEmpty();
    for (Map.Entry<String, Floats> param : params.entrySet()) {
      float[] analytic = gradOf(model, param.getKey());
      float[] values = param.getValue().data();
      double diff = 0;
      double analyticNorm = 0;
      double numericNorm = 0;
      for (int i = 0; i < values.length; i++) {
        float saved = values[i];
        values[i] = (float) (saved + STEP);
        double plus = loss(model, docs, r);
        values[i] = (float) (saved - STEP);
        double minus = loss(model, docs, r);
        values[i] = saved;
        double numeric = (plus - minus) / (2 * STEP);
        diff += (analytic[i] - numeric) * (analytic[i] - numeric);
        analyticNorm += analytic[i] * (double) analytic[i];
        numericNorm += numeric * numeric;
      }
      double scale = Math.sqrt(Math.max(analyticNorm, numericNorm));
      double error = scale == 0 ? 0 : Math.sqrt(diff) / scale;
      assertThat(error).as("relative gradient error of %s", param.getKey()).isLessThan(tolerance);
    }
  }

  private static double loss(Model<List<Doc>, Floats> model, List<Doc> docs, Floats r) {
    Floats y = model.beginUpdate(docs).output();
    double sum = 0;
    for (int i = 0; i < y.size(); i++) {
      sum += y.data()[i] * (double) r.data()[i];
    }
    return sum;
  }

  private static float[] gradOf(Model<?, ?> model, String key) {
    String path = key.substring(0, key.lastIndexOf(':'));
    String param = key.substring(key.lastIndexOf(':') + 1);
    return model.walkWithPaths().get(path).grad(param).data();
  }
}
