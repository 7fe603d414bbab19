package dev.kiln.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.nn.schedules.Schedule;
import dev.kiln.nn.schedules.Schedules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the expectations {@code src/test/python/make_thinc_expectations.py} wrote with Thinc
 * 8.1.7, and builds kiln schedules from their JSON descriptions.
 */
public final class ThincExpectations {
  private ThincExpectations() {}

  public static JsonNode load(String name) {
    try (InputStream in = ThincExpectations.class.getResourceAsStream("/thinc/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /thinc/" + name);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) array.get(i).asDouble();
    }
    return values;
  }

  public static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  /** A number, or a schedule written as {"name": ..., "args": {...}}. */
  public static Schedule schedule(JsonNode spec) {
    if (spec.isNumber()) {
      return Schedules.constant(spec.asDouble());
    }
    JsonNode a = spec.get("args");
    return switch (spec.get("name").asText()) {
      case "constant.v1" -> Schedules.constant(a.get("rate").asDouble());
      case "constant_then.v1" -> Schedules.constantThen(
          a.get("rate").asDouble(), a.get("steps").asInt(), schedule(a.get("schedule")));
      case "decaying.v1" -> Schedules.decaying(
          a.get("base_rate").asDouble(), a.get("decay").asDouble(), a.path("t").asInt(0));
      case "compounding.v1" -> Schedules.compounding(
          a.get("start").asDouble(), a.get("stop").asDouble(), a.get("compound").asDouble(),
          a.path("t").asDouble(0.0));
      case "warmup_linear.v1" -> Schedules.warmupLinear(
          a.get("initial_rate").asDouble(), a.get("warmup_steps").asInt(),
          a.get("total_steps").asInt());
      case "slanted_triangular.v1" -> Schedules.slantedTriangular(
          a.get("max_rate").asDouble(), a.get("num_steps").asInt(),
          a.path("cut_frac").asDouble(0.1), a.path("ratio").asInt(32),
          a.path("decay").asDouble(1.0), a.path("t").asDouble(0.0));
      case "cyclic_triangular.v1" -> Schedules.cyclicTriangular(
          a.get("min_lr").asDouble(), a.get("max_lr").asDouble(), a.get("period").asInt());
      default -> throw new IllegalArgumentException("unknown schedule " + spec);
    };
  }

  /** The relative difference of {@code actual} from {@code expected}, with an absolute floor. */
  public static double relativeError(double actual, double expected) {
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-6);
  }
}
