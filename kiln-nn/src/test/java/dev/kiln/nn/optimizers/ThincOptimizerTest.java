package dev.kiln.nn.optimizers;

import static dev.kiln.nn.ThincExpectations.floats;
import static dev.kiln.nn.ThincExpectations.relativeError;
import static dev.kiln.nn.ThincExpectations.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.nn.ThincExpectations;
import dev.kiln.nn.schedules.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SGD, Adam and RAdam give Thinc 8.1.7's weights and averages step by step, to 1e-6. */
class ThincOptimizerTest {
  private static final JsonNode DATA = ThincExpectations.load("optimizers.json");

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : DATA.get("cases")) {
      cases.add(Arguments.of(c.get("optimizer").asText() + " " + c.get("kwargs"), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesThinc(String label, JsonNode c) {
    GradientDescent optimizer = build(c.get("optimizer").asText(), c.get("kwargs"));
    Map<String, float[]> weights = new LinkedHashMap<>();
    DATA.get("initial").fields().forEachRemaining(e -> weights.put(e.getKey(), floats(e.getValue())));
    JsonNode trace = c.get("trace");
    for (int step = 0; step < trace.size(); step++) {
      JsonNode expected = trace.get(step);
      for (String key : weights.keySet()) {
        if (!expected.has(key)) {
          continue;
        }
        float[] gradient = floats(DATA.get("gradients").get(step).get(key));
        optimizer.update(key, weights.get(key), gradient);
        assertThat(gradient).containsOnly(0f);
        assertClose(weights.get(key), floats(expected.get(key)), label, step, key);
        if (expected.has("avg_" + key)) {
          assertClose(optimizer.averages().get(key), floats(expected.get("avg_" + key)), label,
              step, "avg_" + key);
        } else {
          assertThat(optimizer.averages()).isEmpty();
        }
      }
      optimizer.stepSchedules();
    }
  }

  private static void assertClose(float[] actual, float[] expected, String label, int step,
      String key) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(relativeError(actual[i], expected[i]))
          .as("%s step %d %s[%d]: %s vs Thinc %s", label, step, key, i, actual[i], expected[i])
          .isLessThan(1e-6);
    }
  }

  static GradientDescent build(String kind, JsonNode kwargs) {
    Schedule learnRate = schedule(kwargs.get("learn_rate"));
    OptimizerOptions options = new OptimizerOptions(
        schedule(kwargs.has("L2") ? kwargs.get("L2") : num(0.0)),
        kwargs.path("L2_is_weight_decay").asBoolean(true),
        schedule(kwargs.has("grad_clip") ? kwargs.get("grad_clip") : num(1.0)),
        kwargs.path("use_averages").asBoolean(true));
    Schedule beta1 = schedule(kwargs.has("beta1") ? kwargs.get("beta1") : num(0.9));
    Schedule beta2 = schedule(kwargs.has("beta2") ? kwargs.get("beta2") : num(0.999));
    Schedule eps = schedule(kwargs.has("eps") ? kwargs.get("eps") : num(1e-8));
    return switch (kind) {
      case "SGD" -> new SGD(learnRate, options);
      case "Adam" -> new Adam(learnRate, beta1, beta2, eps, options);
      case "RAdam" -> new RAdam(learnRate, beta1, beta2, eps, options);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static JsonNode num(double value) {
    return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(value);
  }
}
