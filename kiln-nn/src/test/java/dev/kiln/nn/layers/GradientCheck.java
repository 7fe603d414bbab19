package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a layer's backprop with central finite differences of the scalar loss
 * {@code L = Σ Y ⊙ R} for a fixed random R, for the input and every parameter. Random state
 * (dropout) is reset before each forward pass so every pass sees the same mask.
 */
final class GradientCheck {
  private static final double STEP = 1e-2;

  private GradientCheck() {}

  /** The relative error ‖analytic − numeric‖ / max(‖analytic‖, ‖numeric‖) of each quantity. */
  static Map<String, Double> errors(Model<Object, Object> model, Object x, boolean checkInput) {
    Map<String, Long> states = rngStates(model);
    ForwardResult<Object, Object> result = forward(model, x, states);
    Object r = Structures.randomLike(result.output(), new Rng(99));
    zeroGrads(model);
    Object dX = result.backprop().apply(r);
    Map<String, Double> errors = new HashMap<>();
    if (checkInput) {
      List<float[]> analytic = Structures.floats(dX);
      List<float[]> inputs = Structures.floats(x);
      errors.put("input", compare(analytic, numeric(model, x, r, inputs, states)));
    }
    for (Map.Entry<String, Floats> param : model.paramsByKey().entrySet()) {
      float[] analytic = gradOf(model, param.getKey()).clone();
      List<float[]> numeric = numeric(model, x, r, List.of(param.getValue().data()), states);
      errors.put(param.getKey(), compare(List.of(analytic), numeric));
    }
    return errors;
  }

  /** Asserts every relative error is below {@code tolerance}. */
  static void check(Model<?, ?> model, Object x, boolean checkInput, double tolerance) {
    @SuppressWarnings("unchecked")
    Map<String, Double> errors = errors((Model<Object, Object>) model, x, checkInput);
    assertThat(errors).isNotEmpty();
    errors.forEach((name, error) ->
        assertThat(error).as("relative gradient error of %s in %s", name, model.name())
            .isLessThan(tolerance));
  }

  private static ForwardResult<Object, Object> forward(Model<Object, Object> model, Object x,
      Map<String, Long> states) {
    for (Map.Entry<String, Model<?, ?>> node : model.walkWithPaths().entrySet()) {
      node.getValue().rng().setState(states.get(node.getKey()));
    }
    return model.beginUpdate(x);
  }

  private static Map<String, Long> rngStates(Model<?, ?> model) {
    Map<String, Long> states = new HashMap<>();
    for (Map.Entry<String, Model<?, ?>> node : model.walkWithPaths().entrySet()) {
      states.put(node.getKey(), node.getValue().rng().state());
    }
    return states;
  }

  private static List<float[]> numeric(Model<Object, Object> model, Object x, Object r,
      List<float[]> targets, Map<String, Long> states) {
    List<float[]> out = new ArrayList<>();
    for (float[] target : targets) {
      float[] grad = new float[target.length];
      for (int i = 0; i < target.length; i++) {
        float saved = target[i];
        target[i] = (float) (saved + STEP);
        double plus = loss(model, x, r, states);
        target[i] = (float) (saved - STEP);
        double minus = loss(model, x, r, states);
        target[i] = saved;
        grad[i] = (float) ((plus - minus) / (2 * STEP));
      }
      out.add(grad);
    }
    return out;
  }

  private static double loss(Model<Object, Object> model, Object x, Object r,
      Map<String, Long> states) {
    Object y = forward(model, x, states).output();
    return Structures.dot(Structures.floats(y), Structures.floats(r));
  }

  private static float[] gradOf(Model<?, ?> model, String key) {
    String path = key.substring(0, key.lastIndexOf(':'));
    String param = key.substring(key.lastIndexOf(':') + 1);
    return model.walkWithPaths().get(path).grad(param).data();
  }

  private static void zeroGrads(Model<?, ?> model) {
    for (Model<?, ?> node : model.walk()) {
      for (String param : node.paramNames()) {
        if (node.hasParam(param)) {
          java.util.Arrays.fill(node.grad(param).data(), 0f);
        }
      }
    }
  }

  static double compare(List<float[]> analytic, List<float[]> numeric) {
    double diff = 0;
    double a = 0;
    double n = 0;
    for (int k = 0; k < analytic.size(); k++) {
      for (int i = 0; i < analytic.get(k).length; i++) {
        double d = analytic.get(k)[i] - numeric.get(k)[i];
        diff += d * d;
        a += analytic.get(k)[i] * (double) analytic.get(k)[i];
        n += numeric.get(k)[i] * (double) numeric.get(k)[i];
      }
    }
    double scale = Math.sqrt(Math.max(a, n));
    return scale == 0 ? 0 : Math.sqrt(diff) / scale;
  }
}
